package dev.tally.emulator.store;

/**
 * An API user. Staff see and may do everything; everybody else acts for one customer (organisation), as
 * consumer of its projects and as provider of the offerings it owns.
 *
 * @param customerUuid the user's organisation, null for staff
 */
public record User(String username, String password, String fullName, boolean staff, String customerUuid, String token) {
}
