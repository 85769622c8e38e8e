#include "EmberCoreSupport.h"

// initial-exec: Ember's modules link into the executable (SwiftPM builds them statically), so
// the variable sits at a fixed offset from the thread pointer; the default model for -fPIC
// code goes through __tls_get_addr on every access, which the dispatcher does per call.
static _Thread_local uint32_t excluded_layers __attribute__((tls_model("initial-exec"))) = 0;

uint32_t ember_tls_excluded_layers(void) { return excluded_layers; }
void ember_tls_set_excluded_layers(uint32_t mask) { excluded_layers = mask; }
