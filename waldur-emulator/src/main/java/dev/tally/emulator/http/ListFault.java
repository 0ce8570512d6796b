package dev.tally.emulator.http;

import dev.tally.emulator.fault.Fault;

/**
 * What a drawn fault does to one page of a list (docs/emulator.md, "Faults"): the change to {@code X-Result-Count}
 * ({@code 0} none), and whether the count is left out, the {@code next} link points back, the last page links on,
 * or the page holds the rows of the page before. {@code endlessLists} is whether pages past the end link on.
 */
record ListFault(int countChange, boolean loop, boolean endless, boolean repeat, boolean endlessLists) {
    static final ListFault NONE = new ListFault(0, false, false, false, false);

    static ListFault of(ResponseWriter.Decision decision) {
        Fault fault = decision.fault();
        return new ListFault(fault == Fault.COUNT ? decision.plan().countChange() : 0, fault == Fault.LOOP,
                fault == Fault.ENDLESS, fault == Fault.REPEAT, decision.plan().endlessLists());
    }
}
