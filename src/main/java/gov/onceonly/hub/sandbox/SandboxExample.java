package gov.onceonly.hub.sandbox;

import gov.onceonly.hub.api.ExampleApplication;

/** A newborn application for the first synthetic family, ready to paste. */
final class SandboxExample implements ExampleApplication {

    private final SyntheticPeople people;

    SandboxExample(SyntheticPeople people) {
        this.people = people;
    }

    @Override
    public String bundle() {
        return "newborn";
    }

    @Override
    public String json() {
        SyntheticPeople.Family family = people.families().get(0);
        return newborn(family.mother().idNumber(), family.mother().name());
    }

    static String newborn(String idNumber, String name) {
        return """
                {"bundle":"newborn","applicant":{"idNumber":"%s","name":"%s"},\
                "consent":{"granted":true,"purpose":"新生儿出生一件事"},\
                "form":{"babyName":"%s小宝","contactPhone":"13800138000","registrationChoice":"mother",\
                "mailingAddress":"重庆市渝中区民族路100号","vaccinationClinic":"渝中区社区卫生服务中心"}}"""
                .formatted(idNumber, name, name.substring(0, 1));
    }
}
