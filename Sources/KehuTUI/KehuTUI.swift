// The terminal workstation: reducer, renderers, ncurses adapter.
