#include "config.h"
#include "council-demo.h"
