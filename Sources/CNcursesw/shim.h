// Tiny C shim over ncursesw. Swift 6 rejects ncurses' mutable C globals
// (stdscr, LINES, COLS) as not concurrency-safe, so they are read through
// these inline functions instead.
#ifndef KEHU_CNCURSESW_SHIM_H
#define KEHU_CNCURSESW_SHIM_H
#define NCURSES_WIDECHAR 1
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#include <locale.h>
#include <langinfo.h>
#include <ncursesw/ncurses.h>

static inline WINDOW *kehu_stdscr(void) { return stdscr; }
static inline int kehu_lines(void) { return LINES; }
static inline int kehu_cols(void) { return COLS; }
static inline int kehu_colors(void) { return COLORS; }
static inline int kehu_color_pairs(void) { return COLOR_PAIRS; }
static inline const char *kehu_codeset(void) { return nl_langinfo(CODESET); }
/* Attribute and colour-pair macros, as functions (Swift cannot import the macros). */
static inline attr_t kehu_color_pair(int n) { return (attr_t)COLOR_PAIR(n); }
static inline attr_t kehu_a_bold(void) { return A_BOLD; }
static inline attr_t kehu_a_reverse(void) { return A_REVERSE; }
static inline attr_t kehu_a_underline(void) { return A_UNDERLINE; }
static inline attr_t kehu_a_dim(void) { return A_DIM; }
static inline attr_t kehu_a_normal(void) { return A_NORMAL; }
static inline int kehu_key_f(int n) { return KEY_F(n); }
#endif
