/** Option mixins shared by several commands (connection, output), and reading the token file they name. */
package dev.tally.cli.option;
