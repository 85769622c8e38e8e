#ifndef EMBER_AUTO_REGISTER_H
#define EMBER_AUTO_REGISTER_H

/// Whether the bundled plugins were registered when the program was loaded (1) or not (0).
int ember_bundled_plugins_registered_at_load(void);

#endif
