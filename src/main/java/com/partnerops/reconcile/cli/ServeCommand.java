package com.partnerops.reconcile.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Start the web front end on the same store: sign in, upload desired files, review, Finish."
                + " Accounts come from 'account add'. Stops on Ctrl-C.")
class ServeCommand implements Callable<Integer> {

    @Mixin
    StoreOptions store;

    @Option(names = "--port", paramLabel = "PORT", description = "Default: server.port, else 8080.")
    Integer port;

    @Option(names = "--address", paramLabel = "ADDRESS",
            description = "The address to listen on. Default: 127.0.0.1 (this machine only); 0.0.0.0 for every one.")
    String address;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        Map<String, String> web = new LinkedHashMap<>();
        web.put("spring.main.web-application-type", "servlet");
        if (port != null) {
            web.put("server.port", port.toString());
        }
        if (address != null) {
            web.put("server.address", address);
        }
        CountDownLatch closed = new CountDownLatch(1);
        ConfigurableApplicationContext context = Main.start(store, "serve", web);
        context.addApplicationListener(event -> {
            if (event instanceof ContextClosedEvent) {
                closed.countDown();
            }
        });
        context.registerShutdownHook();
        int listening = ((WebServerApplicationContext) context).getWebServer().getPort();
        new Printer(spec.commandLine().getOut()).line("serving on http://"
                + context.getEnvironment().getProperty("server.address", "127.0.0.1") + ":" + listening + "/");
        closed.await();
        return ExitCodes.OK;
    }
}
