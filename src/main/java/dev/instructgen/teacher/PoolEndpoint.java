package dev.instructgen.teacher;

import dev.instructgen.error.BadInputException;

import java.net.URI;
import java.util.Objects;

/**
 * One replica in a pool of endpoints ({@code --teacher-url} given several times, or the config's
 * {@code teachers:} list).
 *
 * @param url            base URL, checked like {@code --teacher-url}
 * @param weight         share of the traffic relative to the other endpoints (routing divides the requests
 *                       outstanding by it), at least 1
 * @param maxConcurrency this endpoint's own ceiling of requests in flight; 0 for the pool's {@code --concurrency}
 * @param api            wire format of this endpoint
 * @param model          model name at this endpoint
 */
public record PoolEndpoint(URI url, int weight, int maxConcurrency, TeacherApi api, String model) {

    public PoolEndpoint {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(api, "api");
        TeacherUrl.check(url);
        if (model == null || model.isBlank()) {
            throw new BadInputException("the endpoint " + TeacherUrl.display(url) + " needs a model name (--model, "
                    + "or 'model' in its teachers: entry)");
        }
        if (weight < 1) {
            throw new BadInputException("the weight of endpoint " + TeacherUrl.display(url)
                    + " must be at least 1, was " + weight);
        }
        if (maxConcurrency < 0) {
            throw new BadInputException("max-concurrency of endpoint " + TeacherUrl.display(url)
                    + " cannot be negative, was " + maxConcurrency);
        }
    }

    /**
     * host[:port][/path] without scheme, user info, query or trailing slash: the name the pool's counters and
     * provenance use, which never carries a credential and tells apart two endpoints behind one gateway.
     */
    public String name() {
        String display = TeacherUrl.display(url);
        return display.substring(display.indexOf("://") + 3).replaceAll("/+$", "");
    }

    /** Who answers at this endpoint, as provenance records it: its wire format, model and host[:port]. */
    public TeacherIdentity identity() {
        return new TeacherIdentity(api, model, url.getPort() < 0 ? url.getHost() : url.getHost() + ":" + url.getPort());
    }
}
