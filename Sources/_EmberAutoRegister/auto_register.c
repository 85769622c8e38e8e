// Registers Ember's bundled plugins when a program that links the `Ember` product is
// loaded, as PyTorch's libraries register their operators in static initialisers: the
// umbrella's Swift function is called from a load-time constructor (Swift has none).
#include "EmberAutoRegister.h"

/// Defined by the `Ember` Swift module (`@_cdecl`).
extern void ember_register_bundled_plugins(void);

static int registered_at_load = 0;

__attribute__((constructor)) static void ember_auto_register(void) {
    ember_register_bundled_plugins();
    registered_at_load = 1;
}

int ember_bundled_plugins_registered_at_load(void) { return registered_at_load; }
