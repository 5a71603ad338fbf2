#ifndef ZHTJ_CLIBPQ_SHIM_H
#define ZHTJ_CLIBPQ_SHIM_H
#include <libpq-fe.h>
#endif
