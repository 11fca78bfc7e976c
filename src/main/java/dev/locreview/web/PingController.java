package dev.locreview.web;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;

/** The cheapest answer the service gives: for load balancers, and the baseline of the HTTP benchmark. */
@RestController
public class PingController {

    @Operation(summary = "Liveness: answers pong")
    @GetMapping("/api/v1/ping")
    public String ping() {
        return "pong";
    }
}
