package gov.onceonly.hub.catalog;

import java.util.List;

/**
 * The reform's "减材料" figures of a bundle: of the fields its items demand, how many the hub fills from department
 * data and how many the applicant types, and how many distinct fields the form asks.
 */
public record BundleFigures(int fieldsDemanded, int fieldsFilledByHub, int fieldsFilledByApplicant, int formFields,
                            int filledByHubPercent) {

    public static BundleFigures of(CompiledBundle bundle, List<DemandLine> lines) {
        int byApplicant = (int) lines.stream().filter(DemandLine::fromForm).count();
        int demanded = lines.size();
        int byHub = demanded - byApplicant;
        return new BundleFigures(demanded, byHub, byApplicant, bundle.definition().form().size(),
                demanded == 0 ? 0 : Math.round(100f * byHub / demanded));
    }
}
