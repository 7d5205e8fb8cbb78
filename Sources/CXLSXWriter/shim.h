// libxlsxwriter (Debian: libxlsxwriter-dev). Only the XLSXWriter target imports this module.
#include <xlsxwriter.h>
