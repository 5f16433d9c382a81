package com.partnerops.reconcile.graph;

import com.microsoft.aad.msal4j.ITokenCacheAccessAspect;
import com.microsoft.aad.msal4j.ITokenCacheAccessContext;
import java.util.HashSet;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * msal4j keeps the refresh token an exchange returns in its token cache only; this reads it from there. The cache
 * cannot be emptied from outside (msal4j's {@code deserialize} merges into it), and it holds one refresh token per
 * account key, updated in place: the one this exchange returned is the one not seen before. Picking the cache's
 * last entry instead took another tenant's older token whenever exchanges came in a different order, and sent it a
 * second time. It never leaves this object but to be written to the refresh token file.
 */
final class CapturedRefreshToken implements ITokenCacheAccessAspect {

    private final JsonMapper json = JsonMapper.builder().build();
    private final Set<String> seen = new HashSet<>();
    private String latest;

    @Override
    public void beforeCacheAccess(ITokenCacheAccessContext context) {
        // nothing to load: the cache lives in memory, and the refresh token file is kept by RefreshTokenStore
    }

    @Override
    public synchronized void afterCacheAccess(ITokenCacheAccessContext context) {
        if (context.hasCacheChanged()) {
            JsonNode refresh = json.readTree(context.tokenCache().serialize()).path("RefreshToken");
            for (JsonNode entry : refresh) {
                String secret = entry.path("secret").asString();
                if (seen.add(secret)) {
                    latest = secret;
                }
            }
        }
    }

    /** The refresh token the last exchange returned, once; null when it returned none. */
    synchronized String take() {
        String token = latest;
        latest = null;
        return token;
    }
}
