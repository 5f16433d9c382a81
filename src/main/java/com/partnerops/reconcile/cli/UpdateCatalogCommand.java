package com.partnerops.reconcile.cli;

import com.partnerops.reconcile.domain.Names;
import com.partnerops.reconcile.domain.ProductCatalog;
import com.partnerops.reconcile.domain.ProductCatalog.Product;
import com.partnerops.reconcile.ingest.UnusableInputException;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "update-catalog", mixinStandardHelpOptions = true,
        description = "Rebuild the product catalog (SKUs and their service plans) from a newer copy of Microsoft's"
                + " \"Product names and service plan identifiers for licensing\" table (CSV). Needs no store.")
class UpdateCatalogCommand implements Callable<Integer> {

    @Option(names = "--from", required = true, paramLabel = "FILE",
            description = "Microsoft's table as downloaded (CSV, UTF-8).")
    Path from;

    @Option(names = "--to", paramLabel = "FILE", defaultValue = "src/main/resources/catalog/products.csv",
            description = "The derived catalog to write (default: ${DEFAULT-VALUE}); compared with what it held.")
    Path to;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        ProductCatalog updated = read(from, ProductCatalog::fromMicrosoftTable);
        ProductCatalog previous = Files.exists(to) ? read(to, ProductCatalog::read) : new ProductCatalog(List.of());
        write(updated);

        Set<String> products = productKeys(updated);
        Set<String> previousProducts = productKeys(previous);
        Set<String> plans = planIds(updated);
        Set<String> previousPlans = planIds(previous);
        long changed = updated.products().stream().filter(p -> previousProducts.contains(productKey(p))
                && !previous.products().contains(p)).count();
        long planReferences = updated.products().stream().mapToLong(p -> p.servicePlans().size()).sum();

        Printer out = new Printer(spec.commandLine().getOut());
        out.line(String.format("wrote %s: %d products, %d distinct service plans (%d product service plan lines)",
                to, products.size(), plans.size(), planReferences));
        out.line(String.format("products: %d added, %d removed, %d changed; service plans: %d added, %d removed",
                difference(products, previousProducts), difference(previousProducts, products), changed,
                difference(plans, previousPlans), difference(previousPlans, plans)));
        return ExitCodes.OK;
    }

    private static ProductCatalog read(Path file, Function<Reader, ProductCatalog> parse) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse.apply(reader);
        } catch (NoSuchFileException e) {
            throw new UnusableInputException(file.toString(), null, 0, null, "no such file", e);
        } catch (IOException | UncheckedIOException e) {
            throw new UnusableInputException(file.toString(), null, 0, null, "cannot be read: " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new UnusableInputException(file.toString(), null, 0, null, e.getMessage(), e);
        }
    }

    /** Writes beside the target, then moves it in place: an interrupted run leaves the old catalog whole. */
    private void write(ProductCatalog catalog) {
        try {
            Path target = to.toAbsolutePath();
            Files.createDirectories(target.getParent());
            Path temporary = target.resolveSibling(target.getFileName() + ".tmp");
            try {
                try (Writer writer = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
                    catalog.writeTo(writer);
                }
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + to + ": " + e.getMessage(), e);
        }
    }

    private static String productKey(Product product) {
        return Names.key(product.skuPartNumber()) + "/" + Names.key(product.skuId());
    }

    private static Set<String> productKeys(ProductCatalog catalog) {
        return catalog.products().stream().map(UpdateCatalogCommand::productKey).collect(Collectors.toSet());
    }

    private static Set<String> planIds(ProductCatalog catalog) {
        return catalog.products().stream().flatMap(p -> p.servicePlans().stream()).map(plan -> Names.key(plan.id()))
                .collect(Collectors.toSet());
    }

    private static long difference(Set<String> these, Set<String> those) {
        Set<String> only = new HashSet<>(these);
        only.removeAll(those);
        return only.size();
    }
}
