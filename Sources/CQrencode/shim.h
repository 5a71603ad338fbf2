#ifndef ZHTJ_CQRENCODE_SHIM_H
#define ZHTJ_CQRENCODE_SHIM_H
#include <qrencode.h>
#endif
