package gov.onceonly.hub.pipeline;

import gov.onceonly.hub.application.ApplicationStore;
import gov.onceonly.hub.application.StoredApplication;
import gov.onceonly.hub.application.StoredParty;
import gov.onceonly.hub.catalog.CompiledBundle;
import gov.onceonly.hub.catalog.DatasetFetch;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The fetches of one application: the bundle's plan for the applicant, by the applicant's key, and for each other
 * data subject (a party), by that party's key, only if the party consented or the mapping gives a legal basis for
 * pulling their data. A party who did not consent has nothing pulled: the items that need their data wait for
 * materials instead.
 */
final class ApplicationFetchPlan {

    private final List<DatasetFetch> fetches;
    private final Map<String, String> keys;
    private final Map<String, String> legalBases;

    private ApplicationFetchPlan(List<DatasetFetch> fetches, Map<String, String> keys, Map<String, String> legalBases) {
        this.fetches = fetches;
        this.keys = keys;
        this.legalBases = legalBases;
    }

    static ApplicationFetchPlan of(CompiledBundle bundle, StoredApplication application, ApplicationStore store) {
        if (bundle.definition().parties().isEmpty()) {
            return new ApplicationFetchPlan(bundle.fetchPlan(), Map.of(), Map.of()); // no lookup on the common path
        }
        Map<String, StoredParty> parties = store.parties(application.id());
        Map<String, String> keys = new HashMap<>();
        Map<String, String> legalBases = new HashMap<>();
        List<DatasetFetch> allowed = bundle.fetchPlan().stream().filter(fetch -> {
            if (fetch.party() == null) {
                return true;
            }
            StoredParty party = parties.get(fetch.party());
            if (party == null || !party.mayBePulled()) {
                return false;
            }
            keys.put(fetch.label(), party.subjectKey());
            if (party.legalBasis() != null) {
                legalBases.put(fetch.label(), party.legalBasis());
            }
            return true;
        }).toList();
        return new ApplicationFetchPlan(allowed, keys, legalBases);
    }

    List<DatasetFetch> fetches() {
        return fetches;
    }

    /** The key a fetch is looked up by: the party's, or the applicant's. */
    String key(DatasetFetch fetch, String applicantKey) {
        return fetch.party() == null ? applicantKey : keys.get(fetch.label());
    }

    /** The legal basis a party's dataset is pulled on, by label; absent for the applicant and consenting parties. */
    Map<String, String> legalBases() {
        return legalBases;
    }
}
