/** Renderers that turn core summaries into Excel, CSV, PNG and terminal tables; files are published atomically. */
package dev.tally.cli.render;
