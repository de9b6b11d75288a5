package gov.onceonly.hub.sandbox;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Every record the simulated departments of the catalogue hold, by dataset ({@code <connector>/<dataset>}) and
 * subject key. The REST sources answer from it, the department databases and streams are seeded from it, and the
 * sample applications pick their applicants from it, so all of them agree.
 */
public final class SandboxRecords {

    private final Map<String, Map<String, Map<String, Object>>> byDataset = new LinkedHashMap<>();

    /** The residents and enterprises of the catalogue, with all their records. */
    public static SandboxRecords generate() {
        SandboxRecords records = new SandboxRecords();
        SyntheticResidents residents = SyntheticResidents.generate(80);
        residents.all().forEach(r -> ResidentRecords.add(r, records));
        SyntheticEnterprises.generate(40, residents).all().forEach(e -> EnterpriseRecords.add(e, records));
        return records;
    }

    /** Synchronized with the reads: the e-certificate library's intake adds records while the sources serve. */
    synchronized void put(String dataset, String key, Map<String, Object> record) {
        byDataset.computeIfAbsent(dataset, d -> new LinkedHashMap<>()).put(key, Collections.unmodifiableMap(record));
    }

    public synchronized Optional<Map<String, Object>> find(String dataset, String key) {
        return Optional.ofNullable(byDataset.getOrDefault(dataset, Map.of()).get(key));
    }

    /** Every record of a dataset by key, in a stable order. */
    public synchronized Map<String, Map<String, Object>> all(String dataset) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(byDataset.getOrDefault(dataset, Map.of())));
    }

    /** The population registry's view of a resident; the newborn families are served by {@link SyntheticPeople}. */
    public Optional<Map<String, Object>> populationRecord(String idNumber) {
        return find("gongan-population/person", idNumber);
    }
}
