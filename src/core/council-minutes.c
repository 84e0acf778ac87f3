#include "config.h"
#include "council-minutes.h"
