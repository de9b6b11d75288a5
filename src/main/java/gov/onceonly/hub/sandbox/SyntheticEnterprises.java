package gov.onceonly.hub.sandbox;

import gov.onceonly.hub.sandbox.SyntheticPeople.Person;
import gov.onceonly.hub.subject.CreditCode;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Deterministic enterprises of Chongqing for the catalogue's enterprise bundles, with valid unified social credit
 * codes (GB 32100, and a GB 11714 organisation code inside). Five lines of business take turns, so that each
 * permit bundle finds an enterprise in its trade; the legal representatives are synthetic residents.
 */
public final class SyntheticEnterprises {

    /** A line of business: what the enterprise is called and does, and which permits it may hold. */
    enum Trade {
        CATERING("餐饮管理", "餐饮服务", "餐饮服务；食品销售；外卖递送服务"),
        TRADE_AND_LOGISTICS("商贸物流", "批发和零售业", "道路货物运输；国内水路运输；烟草制品零售；食品销售；仓储服务"),
        CONSTRUCTION("建设工程", "房屋建筑业", "房屋建筑和市政基础设施项目工程总承包；施工专业作业"),
        AGRICULTURE("农牧科技", "农业", "牲畜饲养；兽药经营；农药零售；动物诊疗"),
        SERVICES("企业服务", "商务服务业", "房地产经纪；住宿服务；娱乐性展览；技术服务、技术开发");

        final String nameSuffix;
        final String industry;
        final String scope;

        Trade(String nameSuffix, String industry, String scope) {
            this.nameSuffix = nameSuffix;
            this.industry = industry;
            this.scope = scope;
        }
    }

    private static final String[] TRADE_NAMES = {"渝味轩", "山城通达", "两江建工", "巴渝牧原", "嘉陵智汇", "朝天门", "南山", "缙云", "大足", "长江"};
    private static final String[] REGIONS = {"500103", "500105", "500106", "500107", "500108", "500112"};
    private static final String[] DISTRICTS = {"渝中区", "江北区", "沙坪坝区", "九龙坡区", "南岸区", "渝北区"};
    private static final String ORG_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] ORG_WEIGHTS = {3, 7, 9, 10, 5, 8, 4, 2};

    /** {@code deregistering} enterprises have filed their liquidation and published their deregistration notice. */
    public record Enterprise(int index, String creditCode, String name, Trade trade, int district, Person legalRepresentative,
                             LocalDate establishedOn, boolean deregistering) {

        public String districtName() {
            return DISTRICTS[district];
        }
    }

    private final List<Enterprise> enterprises;

    private SyntheticEnterprises(List<Enterprise> enterprises) {
        this.enterprises = List.copyOf(enterprises);
    }

    static SyntheticEnterprises generate(int count, SyntheticResidents residents) {
        List<Enterprise> enterprises = new ArrayList<>();
        List<SyntheticResidents.Resident> people = residents.all();
        for (int j = 0; j < count; j++) {
            Trade trade = Trade.values()[j % Trade.values().length];
            int district = j % REGIONS.length;
            String name = "重庆" + TRADE_NAMES[j % TRADE_NAMES.length] + (j >= TRADE_NAMES.length ? String.valueOf(j / TRADE_NAMES.length + 1) : "")
                    + trade.nameSuffix + "有限公司";
            Person legal = people.get((7 * j + 1) % people.size()).person();
            enterprises.add(new Enterprise(j, creditCode(REGIONS[district], j), name, trade, district, legal,
                    LocalDate.of(2015 + j % 10, 1 + j % 12, 1 + j % 28), j % 3 == 0));
        }
        return new SyntheticEnterprises(enterprises);
    }

    /** "91" (a company registered by market regulation), the division, an organisation code and the check character. */
    static String creditCode(String region, int serial) {
        StringBuilder body = new StringBuilder("MA");
        int n = 6_000_000 + serial * 7919;
        for (int k = 0; k < 6; k++) {
            body.insert(2, ORG_ALPHABET.charAt(n % 31));
            n /= 31;
        }
        String organisation = body.toString() + organisationCheck(body.toString());
        String first17 = "91" + region + organisation;
        return first17 + CreditCode.checkCharacter(first17);
    }

    /** GB 11714: letters count from 10 (A) to 35 (Z); check = 11 - sum mod 11, 10 as X and 11 as 0. */
    static char organisationCheck(String body8) {
        int sum = 0;
        for (int k = 0; k < 8; k++) {
            char c = body8.charAt(k);
            sum += (Character.isDigit(c) ? c - '0' : c - 'A' + 10) * ORG_WEIGHTS[k];
        }
        int check = 11 - sum % 11;
        return check == 10 ? 'X' : check == 11 ? '0' : (char) ('0' + check);
    }

    public List<Enterprise> all() {
        return enterprises;
    }
}
