#include "EmberCoreSupport.h"

static _Thread_local uint32_t excluded_layers = 0;

uint32_t ember_tls_excluded_layers(void) { return excluded_layers; }
void ember_tls_set_excluded_layers(uint32_t mask) { excluded_layers = mask; }
