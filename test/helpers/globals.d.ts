// Mocha's describe/it are globals in @web/test-runner; tsconfig limits `types` to node, so pull them in here.
/// <reference types="mocha" />
