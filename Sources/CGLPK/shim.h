#ifndef PARKPLAN_CGLPK_SHIM_H
#define PARKPLAN_CGLPK_SHIM_H
#include <glpk.h>
#endif
