#ifndef EMBER_CORE_SUPPORT_H
#define EMBER_CORE_SUPPORT_H
#include <stdint.h>

/// The calling thread's set of excluded dispatch layers (a bit mask).
uint32_t ember_tls_excluded_layers(void);
/// Replaces the calling thread's set of excluded dispatch layers.
void ember_tls_set_excluded_layers(uint32_t mask);

#endif
