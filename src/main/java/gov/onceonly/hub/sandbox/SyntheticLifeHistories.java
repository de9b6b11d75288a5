package gov.onceonly.hub.sandbox;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * Deterministic synthetic life histories (seeded), against which the recommendations are measured: which bundles a
 * person or an enterprise applied for, and when. Drawn from their own model of a life, written from how people and
 * enterprises go through the catalogue, not from the recommendation rules: a person finds a job, marries, has one or
 * two children who go to school, buys a home, perhaps needs help, retires; an enterprise starts, hires, gets the
 * permit of its trade, changes its registration, claims benefits, and perhaps closes. Each history ends before
 * {@link #TODAY}; the measure holds back its last events (docs/lifelong-service.md, "How good the ranking is").
 */
public final class SyntheticLifeHistories {

    /** The day every history is cut at: nothing after it has happened yet. */
    public static final LocalDate TODAY = LocalDate.of(2026, 12, 1);

    /** One application of a history: its bundle and its day. */
    public record Event(String bundle, LocalDate on) {
    }

    /** One subject's history, oldest first; {@code applicantType} is {@code personal} or {@code enterprise}. */
    public record History(String applicantType, List<Event> events) {
    }

    private static final String[] PERMITS = {"catering-licence", "hotel-licence", "freight-truck-licence",
            "tobacco-retail-licence", "car-rental-licence", "entertainment-venue-licence", "real-estate-agency-licence",
            "livestock-farming-licence", "veterinary-drug-licence", "pesticide-licence", "animal-clinic-licence"};

    private SyntheticLifeHistories() {
    }

    /** {@code persons} persons' and {@code enterprises} enterprises' histories from {@code seed}, each with at least two events. */
    public static List<History> generate(long seed, int persons, int enterprises) {
        Random random = new Random(seed);
        List<History> histories = new ArrayList<>();
        while (histories.stream().filter(h -> h.applicantType().equals("personal")).count() < persons) {
            keep(histories, new History("personal", person(random)));
        }
        while (histories.stream().filter(h -> h.applicantType().equals("enterprise")).count() < enterprises) {
            keep(histories, new History("enterprise", enterprise(random)));
        }
        return List.copyOf(histories);
    }

    private static void keep(List<History> histories, History history) {
        if (history.events().size() >= 2) {
            histories.add(history);
        }
    }

    private static List<Event> person(Random random) {
        LocalDate born = TODAY.minusYears(24 + random.nextInt(50)).minusDays(random.nextInt(365));
        List<Event> events = new ArrayList<>();
        double start = random.nextDouble();
        LocalDate graduated = born.plusYears(22).plusDays(random.nextInt(300));
        if (start < 0.35) {
            events.add(new Event("graduate-household-transfer", graduated));
            maybe(random, 0.5, events, "flexible-employment", graduated.plusDays(30 + random.nextInt(400)));
        } else if (start < 0.55) {
            events.add(new Event("flexible-employment", graduated));
        } else if (start < 0.65) {
            events.add(new Event("talent-introduction", graduated.plusYears(3)));
        } else if (start < 0.70) {
            events.add(new Event("graduate-entrepreneurship", graduated));
        } else if (start < 0.75) {
            events.add(new Event("military-discharge", born.plusYears(22)));
            maybe(random, 0.6, events, "flexible-employment", born.plusYears(22).plusDays(60 + random.nextInt(300)));
        }
        if (random.nextDouble() < 0.8) {
            LocalDate married = born.plusYears(25 + random.nextInt(6)).plusDays(random.nextInt(365));
            events.add(new Event("marriage-and-childbirth", married));
            int children = random.nextDouble() < 0.7 ? 1 : 2;
            LocalDate birth = married.plusDays(300 + random.nextInt(700));
            for (int child = 0; child < children; child++) {
                events.add(new Event("newborn", birth));
                maybe(random, 0.75, events, "maternity-allowance", birth.plusDays(20 + random.nextInt(120)));
                maybe(random, 0.9, events, "primary-school-enrolment", birth.plusYears(6).plusDays(random.nextInt(60)));
                maybe(random, 0.85, events, "middle-school-enrolment", birth.plusYears(12).plusDays(random.nextInt(60)));
                birth = birth.plusYears(2 + random.nextInt(4));
            }
        }
        if (random.nextDouble() < 0.5) {
            LocalDate bought = born.plusYears(28 + random.nextInt(12));
            events.add(new Event(random.nextBoolean() ? "second-hand-housing-transfer" : "mortgaged-property-transfer", bought));
            maybe(random, 0.5, events, "housing-fund-repayment-account", bought.plusDays(30 + random.nextInt(500)));
        }
        maybe(random, 0.3, events, "vehicle-inspection-mark", born.plusYears(30 + random.nextInt(20)));
        maybe(random, 0.08, events, "public-rental-housing", born.plusYears(25 + random.nextInt(20)));
        if (random.nextDouble() < 0.1) {
            LocalDate aid = born.plusYears(30 + random.nextInt(30));
            events.add(new Event("disability-and-hardship-aid", aid));
            maybe(random, 0.5, events, "social-assistance", aid.plusDays(60 + random.nextInt(600)));
        }
        LocalDate retired = born.plusYears(60);
        events.add(new Event("retirement", retired));
        maybe(random, 0.45, events, "elderly-care", retired.plusYears(1 + random.nextInt(8)));
        maybe(random, 0.4, events, "medical-services", retired.plusDays(100 + random.nextInt(2000)));
        if (random.nextDouble() < 0.15) {
            LocalDate death = born.plusYears(45 + random.nextInt(25));
            events.add(new Event("after-death", death)); // a parent's: the person applies as the relative
            maybe(random, 0.7, events, "deceased-bank-accounts", death.plusDays(20 + random.nextInt(200)));
        }
        return past(events);
    }

    private static List<Event> enterprise(Random random) {
        LocalDate started = TODAY.minusDays(60 + random.nextInt(365 * 9));
        List<Event> events = new ArrayList<>();
        events.add(new Event("business-startup", started));
        maybe(random, 0.85, events, "employee-hiring", started.plusDays(10 + random.nextInt(150)));
        maybe(random, 0.6, events, PERMITS[random.nextInt(PERMITS.length)], started.plusDays(20 + random.nextInt(120)));
        if (random.nextDouble() < 0.3) {
            events.add(new Event("enterprise-real-estate-registration", started.plusDays(200 + random.nextInt(500))));
        }
        if (random.nextDouble() < 0.15) {
            LocalDate land = started.plusDays(300 + random.nextInt(700));
            events.add(new Event("land-use-pre-review", land));
            maybe(random, 0.7, events, "water-impact-assessment", land.plusDays(30 + random.nextInt(200)));
            maybe(random, 0.6, events, "low-risk-construction-permit", land.plusDays(100 + random.nextInt(300)));
        }
        maybe(random, 0.5, events, "sme-policy-benefits", started.plusDays(300 + random.nextInt(700)));
        if (random.nextDouble() < 0.3) {
            LocalDate change = started.plusDays(400 + random.nextInt(1200));
            events.add(new Event("change-registration-joint-licences", change));
            maybe(random, 0.6, events, "change-registration-tax", change.plusDays(5 + random.nextInt(60)));
            maybe(random, 0.5, events, "change-registration-social-insurance", change.plusDays(5 + random.nextInt(60)));
        }
        if (random.nextDouble() < 0.15) {
            events.add(new Event(random.nextBoolean() ? "simplified-deregistration" : "ordinary-deregistration",
                    started.plusDays(1000 + random.nextInt(1500))));
        }
        // A deregistered enterprise applies for nothing more.
        LocalDate closed = events.stream().filter(e -> e.bundle().endsWith("deregistration")).map(Event::on)
                .findFirst().orElse(LocalDate.MAX);
        return past(events.stream().filter(e -> !e.on().isAfter(closed)).toList());
    }

    private static void maybe(Random random, double chance, List<Event> events, String bundle, LocalDate on) {
        if (random.nextDouble() < chance) {
            events.add(new Event(bundle, on));
        }
    }

    /** Oldest first, each bundle once a day, only what has happened by {@link #TODAY}. */
    private static List<Event> past(List<Event> events) {
        return events.stream().filter(e -> e.on().isBefore(TODAY)).distinct()
                .sorted(Comparator.comparing(Event::on).thenComparing(Event::bundle)).toList();
    }
}
