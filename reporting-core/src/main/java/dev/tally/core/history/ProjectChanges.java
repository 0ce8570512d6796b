package dev.tally.core.history;

import dev.tally.core.dataset.Dataset;
import dev.tally.core.dataset.Dictionary;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Projects renamed or moved to another customer (allocator). Projects are known through their
 * allocations, so only projects with an allocation in both snapshots are compared, by UUID.
 */
final class ProjectChanges {
    private ProjectChanges() {
    }

    /** A project's name and customer as one dataset has them. */
    private record Project(String id, String name, String customerKey, String customerName) {
        String label() {
            return name + " (" + id + ")";
        }
    }

    static void addTo(Allocations a, Allocations b, List<Change> out) {
        Map<String, Project> old = projects(a.dataset());
        for (Project now : projects(b.dataset()).values()) {
            Project before = old.get(now.id());
            if (before == null) {
                continue;
            }
            if (!before.name().equals(now.name())) {
                out.add(new Change(ChangeKind.PROJECT_RENAMED, null, null, now.id(), now.label(), "name", before.name(),
                        now.name()));
            }
            if (!Objects.equals(before.customerKey(), now.customerKey())) {
                out.add(new Change(ChangeKind.PROJECT_MOVED, null, null, now.id(), now.label(), "customer",
                        before.customerName(), now.customerName()));
            }
        }
    }

    /** Projects with a UUID, by UUID; the first allocation of a project gives its customer. */
    private static Map<String, Project> projects(Dataset d) {
        Dictionary projects = d.projects();
        Dictionary customers = d.customers();
        Map<String, Project> out = new LinkedHashMap<>();
        for (int i = 0; i < d.size(); i++) {
            int p = d.project(i);
            String id = projects.id(p);
            if (id == null || out.containsKey(id)) {
                continue;
            }
            int c = d.customer(i);
            String customerKey = customers.id(c) != null ? customers.id(c) : "name:" + customers.label(c);
            out.put(id, new Project(id, projects.label(p), customerKey, customers.label(c)));
        }
        return out;
    }
}
