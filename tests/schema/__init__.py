"""Support for the schema tests: the Ajv check script and its runner."""
