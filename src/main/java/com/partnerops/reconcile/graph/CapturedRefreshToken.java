package com.partnerops.reconcile.graph;

import com.microsoft.aad.msal4j.ITokenCacheAccessAspect;
import com.microsoft.aad.msal4j.ITokenCacheAccessContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * msal4j keeps the refresh token an exchange returns in its token cache only; this reads it from there. The cache
 * is emptied before each exchange so the one read after it is that exchange's. It never leaves this object but to
 * be written to the refresh token file.
 */
final class CapturedRefreshToken implements ITokenCacheAccessAspect {

    private final JsonMapper json = JsonMapper.builder().build();
    private volatile String latest;

    @Override
    public void beforeCacheAccess(ITokenCacheAccessContext context) {
        context.tokenCache().deserialize("{}");
    }

    @Override
    public void afterCacheAccess(ITokenCacheAccessContext context) {
        if (context.hasCacheChanged()) {
            JsonNode refresh = json.readTree(context.tokenCache().serialize()).path("RefreshToken");
            for (JsonNode entry : refresh) {
                latest = entry.path("secret").asString();
            }
        }
    }

    /** The refresh token the last exchange returned, once. */
    String take() {
        String token = latest;
        latest = null;
        return token;
    }
}
