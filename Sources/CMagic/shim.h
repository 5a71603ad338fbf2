#ifndef ZHTJ_CMAGIC_SHIM_H
#define ZHTJ_CMAGIC_SHIM_H
#include <magic.h>
#endif
