package com.partnerops.reconcile.graph;

import com.microsoft.aad.msal4j.DeviceCode;
import com.microsoft.aad.msal4j.DeviceCodeFlowParameters;
import com.microsoft.aad.msal4j.MsalException;
import com.partnerops.reconcile.ReconcileSettings;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;

/**
 * {@code login}: the service user signs in once in the partner tenant with the device code flow (on any device
 * with a browser, with MFA), and the refresh token it yields is kept, owner-only, for every later read. The app is
 * used as a public client here, as the device code flow requires.
 */
@Component
public class GraphLogin {

    private final ReconcileSettings settings;

    public GraphLogin(ReconcileSettings settings) {
        this.settings = settings;
    }

    /**
     * @param instructions told the sign-in page and the code to enter (never the device code itself)
     * @return where the refresh token is kept
     */
    public Path signIn(Consumer<String> instructions) {
        ReconcileSettings.Graph graph = settings.graph();
        LiveSettings.require(graph);
        CapturedRefreshToken captured = new CapturedRefreshToken();
        try {
            MsalClients.publicClient(graph, graph.partnerTenantId(), captured).acquireToken(DeviceCodeFlowParameters
                    .builder(Set.of(Resource.GRAPH.scope()), (DeviceCode code) -> instructions.accept(code.message()))
                    .build()).get();
        } catch (ExecutionException e) {
            throw new LiveReadUnavailableException("the sign-in did not complete: "
                    + TokenBroker.refused(graph.partnerTenantId(), e.getCause()).getMessage(), false);
        } catch (MsalException e) {
            throw new LiveReadUnavailableException("the sign-in did not complete: "
                    + TokenBroker.refused(graph.partnerTenantId(), e).getMessage(), false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LiveReadUnavailableException("the sign-in was interrupted", false);
        }
        String refreshToken = captured.take();
        if (refreshToken == null) {
            throw new LiveReadUnavailableException("the sign-in returned no refresh token (is offline_access"
                    + " allowed for the app?)", false);
        }
        Path file = Path.of(graph.refreshTokenFile());
        new RefreshTokenStore(file, "").replace(refreshToken);
        return file;
    }
}
