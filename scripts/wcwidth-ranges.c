/* Prints the ranges of scalars that wcwidth() says take 0 and 2 cells in
 * C.UTF-8 (input of gen-width-table.sh). */
#define _XOPEN_SOURCE 700
#include <wchar.h>
#include <locale.h>
#include <stdio.h>

int main(void) {
    if (!setlocale(LC_ALL, "C.UTF-8")) { fprintf(stderr, "no C.UTF-8 locale\n"); return 1; }
    for (int w = 0; w <= 2; w += 2) {
        printf("W%d\n", w);
        int in = 0, start = 0;
        for (int c = 0xA0; c <= 0x110000; c++) {
            int x = c < 0x110000 ? wcwidth(c) : -5;
            int m = x == w && !(c >= 0xD800 && c <= 0xDFFF);
            if (m && !in) { start = c; in = 1; }
            if (!m && in) { printf("0x%X,0x%X\n", start, c - 1); in = 0; }
        }
    }
    return 0;
}
