package dev.locreview.cli;

import java.util.ArrayList;
import java.util.List;

import picocli.CommandLine.Unmatched;

/** A command on the configured store; it takes the store's arguments as the server does (--spring.datasource.url=…). */
abstract class InStore {

    /** Who the command line acts as, in the store's uploaded_by, activated_by, created_by and revoked_by. */
    static final String CALLER = "cli:" + System.getProperty("user.name", "unknown");

    @Unmatched
    List<String> springArguments = new ArrayList<>();
}
