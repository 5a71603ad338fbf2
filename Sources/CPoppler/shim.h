#ifndef ZHTJ_CPOPPLER_SHIM_H
#define ZHTJ_CPOPPLER_SHIM_H
#include <poppler.h>
#include <glib.h>
#endif
