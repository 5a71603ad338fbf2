#ifndef ZHTJ_CZBAR_SHIM_H
#define ZHTJ_CZBAR_SHIM_H
#include <zbar.h>
#endif
