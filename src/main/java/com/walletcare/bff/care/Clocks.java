package com.walletcare.bff.care;

import java.time.InstantSource;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The wall clock, injected wherever the time is read, so that tests move it on instead of waiting. */
@Singleton
class Clocks {

    @Produces
    @Singleton
    InstantSource clock() {
        return InstantSource.system();
    }
}
