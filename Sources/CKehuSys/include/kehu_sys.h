// Small C shim for what Swift's Glibc module hides: SO_PEERCRED's struct ucred
// is only declared with _GNU_SOURCE, which the Swift module is built without.
#ifndef KEHU_SYS_H
#define KEHU_SYS_H
#include <sys/types.h>

/// The kernel-verified uid and pid of the process at the other end of a Unix
/// socket. Returns 0 on success, -1 with errno set on failure.
int kehu_peer_credentials(int fd, uid_t *uid, pid_t *pid);
#endif
