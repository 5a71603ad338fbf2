#ifndef CZHTJ_SHIMS_H
#define CZHTJ_SHIMS_H

/// rename(2) that never replaces an existing target (renameat2 with RENAME_NOREPLACE); -1 with errno EEXIST if it exists.
int czhtj_rename_noreplace(const char *from, const char *to);

/// syncfs(2): makes every change on the file system that holds `fd` durable (declared only under _GNU_SOURCE).
int czhtj_syncfs(int fd);

#endif
