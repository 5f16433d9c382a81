package com.partnerops.reconcile.graph;

import com.partnerops.reconcile.domain.ChangeKind;
import com.partnerops.reconcile.domain.DirectoryUser;
import com.partnerops.reconcile.domain.PlannedChange;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * One user's changes as Graph calls, in this order: one {@code PATCH /users/{id}} carrying every attribute that
 * changes, one {@code assignLicense} with every addition (and its disabled plans) and removal together, never a
 * removal then an addition, then one call per role. A change kind that needs no call sends none.
 */
final class LiveCalls {

    private static final String ROLE_ASSIGNMENTS = "/roleManagement/directory/roleAssignments";

    /** A call and the indexes of the changes it makes. */
    record Call(String method, String path, ObjectNode body, List<Integer> changes) {
        String describe() {
            return method + " " + path.replaceAll("\\?.*", "");
        }
    }

    private LiveCalls() {
    }

    static List<Call> of(LiveUserReader.LiveUser live, List<PlannedChange> changes, TenantSkus skus,
            Map<String, String> roleIds) {
        DirectoryUser after = live.user();
        for (PlannedChange change : changes) {
            after = change.applyTo(after);
        }
        String user = "/users/" + URLEncoder.encode(live.id(), StandardCharsets.UTF_8);
        List<Call> calls = new ArrayList<>();
        ObjectNode patch = JsonNodeFactory.instance.objectNode();
        ObjectNode licenses = JsonNodeFactory.instance.objectNode();
        ArrayNode add = licenses.putArray("addLicenses");
        ArrayNode remove = licenses.putArray("removeLicenses");
        List<Integer> attributeChanges = new ArrayList<>();
        List<Integer> licenseChanges = new ArrayList<>();
        for (int i = 0; i < changes.size(); i++) {
            PlannedChange change = changes.get(i);
            switch (change.kind()) {
                case SET_ATTRIBUTE -> {
                    PlannedChange.SetAttribute set = (PlannedChange.SetAttribute) change;
                    String value = after.attribute(set.attribute());
                    if (value.isEmpty()) {
                        patch.putNull(set.attribute().column());
                    } else {
                        patch.put(set.attribute().column(), value);
                    }
                    attributeChanges.add(i);
                }
                case ASSIGN_LICENSE, SET_DISABLED_PLANS -> {
                    if (add.valueStream().noneMatch(a -> a.path("skuId").asString().equals(skus.skuId(change
                            .target())))) {
                        ObjectNode license = add.addObject().put("skuId", skus.skuId(change.target()));
                        ArrayNode off = license.putArray("disabledPlans");
                        after.disabledPlansOf(change.target()).forEach(plan -> off.add(skus.servicePlanId(
                                change.target(), plan)));
                    }
                    licenseChanges.add(i);
                }
                case REMOVE_LICENSE -> {
                    remove.add(skus.skuId(change.target()));
                    licenseChanges.add(i);
                }
                default -> {
                    // roles below, one call each; SaaS seats are never sent to Graph
                }
            }
        }
        if (!attributeChanges.isEmpty()) {
            calls.add(new Call("PATCH", user, patch, attributeChanges));
        }
        if (!licenseChanges.isEmpty()) {
            calls.add(new Call("POST", user + "/assignLicense", licenses, licenseChanges));
        }
        for (int i = 0; i < changes.size(); i++) {
            PlannedChange change = changes.get(i);
            if (change.kind() == ChangeKind.ADD_ROLE) {
                ObjectNode body = JsonNodeFactory.instance.objectNode().put("principalId", live.id())
                        .put("roleDefinitionId", roleIds.getOrDefault(change.target(), change.target()))
                        .put("directoryScopeId", "/");
                calls.add(new Call("POST", ROLE_ASSIGNMENTS, body, List.of(i)));
            } else if (change.kind() == ChangeKind.REMOVE_ROLE) {
                calls.add(new Call("DELETE", ROLE_ASSIGNMENTS + "/" + URLEncoder.encode(live.assignmentIdByRole()
                        .getOrDefault(change.target(), change.target()), StandardCharsets.UTF_8), null, List.of(i)));
            }
        }
        return calls;
    }
}
