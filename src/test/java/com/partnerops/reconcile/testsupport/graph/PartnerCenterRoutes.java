package com.partnerops.reconcile.testsupport.graph;

import static com.partnerops.reconcile.testsupport.graph.GraphEmulator.send;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.node.ObjectNode;

/**
 * Partner Center's customers and a customer's subscriptions, read with a token issued in the partner tenant for
 * Partner Center; collections paged through {@code links.next} (whose URI comes with or without {@code /v1})
 * and the {@code MS-ContinuationToken} header it names.
 */
final class PartnerCenterRoutes {

    private final GraphEmulator emulator;
    private int pagesServed;

    PartnerCenterRoutes(GraphEmulator emulator) {
        this.emulator = emulator;
    }

    void handle(HttpExchange exchange, String path) throws IOException {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        TokenService.Grant grant = emulator.tokens.grant(header != null && header.startsWith("Bearer ")
                ? header.substring(7) : null);
        if (grant == null || !TokenService.PARTNER_CENTER.equals(grant.resource())
                || !GraphEmulator.PARTNER_TENANT.equals(grant.tenant())) {
            send(exchange, 401, error(401, "Unauthorized", "The access token is not valid for Partner Center."), null);
            return;
        }
        String prefix = "/customers/";
        String customerId = path.startsWith(prefix) && path.endsWith("/subscriptions")
                ? path.substring(prefix.length(), path.length() - "/subscriptions".length()) : null;
        // Partner Center counts a customer's subscription reads against that customer, the rest against the partner
        if (emulator.fault(exchange, customerId == null ? GraphEmulator.PARTNER_TENANT : customerId,
                customerId == null ? ReadLimits.Api.GRAPH : ReadLimits.Api.PARTNER_CENTER_SUBSCRIPTIONS)) {
            return;
        }
        if (path.equals("/customers")) {
            List<ObjectNode> customers = new ArrayList<>();
            for (EmulatedTenant t : emulator.tenants.values()) {
                ObjectNode customer = EmulatedTenant.JSON.objectNode().put("id", t.tenantId);
                customer.putObject("companyProfile").put("tenantId", t.tenantId).put("domain", t.domain)
                        .put("companyName", t.name).putObject("attributes").put("objectType",
                                "CustomerCompanyProfile");
                customer.put("relationshipToPartner", "reseller");
                customer.putObject("attributes").put("objectType", "Customer");
                customers.add(customer);
            }
            page(exchange, "/customers", customers);
            return;
        }
        if (customerId != null) {
            EmulatedTenant t = emulator.tenant(customerId);
            if (t == null) {
                send(exchange, 404, error(600, "CustomerNotFound", "The customer was not found."), null);
                return;
            }
            page(exchange, path, t.partnerCenterSubscriptions);
            return;
        }
        send(exchange, 404, error(404, "NotFound", "The resource was not found."), null);
    }

    private static ObjectNode error(int code, String name, String description) {
        ObjectNode body = EmulatedTenant.JSON.objectNode().put("code", code).put("description", description)
                .put("errorName", name);
        body.putObject("attributes").put("objectType", "Error");
        return body;
    }

    private void page(HttpExchange exchange, String path, List<ObjectNode> items) throws IOException {
        Map<String, String> query = GraphEmulator.query(exchange);
        String continuation = exchange.getRequestHeaders().getFirst("MS-ContinuationToken");
        int offset;
        try {
            offset = continuation == null ? 0 : GraphEmulator.offsetOf(continuation);
        } catch (IllegalArgumentException e) {
            send(exchange, 400, error(400, "InvalidContinuationToken", "The continuation token is not valid."),
                    null);
            return;
        }
        int size = Math.min(query.containsKey("size") ? Integer.parseInt(query.get("size")) : 500,
                emulator.pageSize);
        int end = Math.min(items.size(), offset + size);
        ObjectNode body = EmulatedTenant.JSON.objectNode().put("totalCount", end - Math.min(offset, items.size()));
        body.set("items", GraphEmulator.array(items.subList(Math.min(offset, items.size()), end)));
        ObjectNode links = body.putObject("links");
        links.putObject("self").put("uri", path + "?size=" + size).put("method", "GET").putArray("headers");
        if (end < items.size()) {
            // Partner Center's links come with and without the /v1 prefix: the job must take both.
            String uri = (pagesServed++ % 2 == 0 ? "/v1" : "") + path + "?size=" + size;
            ObjectNode next = links.putObject("next").put("uri", uri).put("method", "GET");
            next.putArray("headers").addObject().put("key", "MS-ContinuationToken")
                    .put("value", GraphEmulator.continuation(end));
        }
        body.putObject("attributes").put("objectType", "Collection");
        send(exchange, 200, body, null);
    }
}
