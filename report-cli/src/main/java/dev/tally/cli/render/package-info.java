/**
 * Renderers that turn core summaries into Excel, CSV, PNG and terminal tables; files are published
 * atomically, text from data is made inert, and paths built from names are kept inside their folder.
 */
package dev.tally.cli.render;
