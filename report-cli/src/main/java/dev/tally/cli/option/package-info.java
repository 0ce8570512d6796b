/** Option mixins shared by several commands (connection, output). */
package dev.tally.cli.option;
