/** HTTP plumbing: Link-header parsing, paging, retry policy. No Waldur semantics beyond the list conventions. */
package dev.tally.waldur.http;
