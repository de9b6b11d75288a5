package gov.onceonly.hub.sandbox;

import gov.onceonly.hub.sandbox.SyntheticEnterprises.Enterprise;
import gov.onceonly.hub.sandbox.SyntheticEnterprises.Trade;

import java.time.LocalDate;

import static gov.onceonly.hub.sandbox.ResidentCertificates.certificateId;
import static gov.onceonly.hub.sandbox.ResidentRecords.map;

/**
 * The departments' records of one enterprise: the business registry, its e-certificates, real estate, social and
 * medical insurance, the housing fund, tax and, for builders, its investment project. Permits follow the trade.
 */
final class EnterpriseRecords {

    private EnterpriseRecords() {
    }

    static void add(Enterprise e, SandboxRecords records) {
        String code = e.creditCode();
        int j = e.index();
        String address = "重庆市" + e.districtName() + "民生路" + (20 + 3 * j) + "号" + (1 + j % 20) + "楼";
        String authority = "重庆市" + e.districtName() + "市场监督管理局";
        records.put("scjg-enterprise-registry/enterprise", code, map("creditCode", code, "name", e.name(),
                "type", "有限责任公司（自然人投资或控股）", "legalRepresentative", e.legalRepresentative().name(),
                "legalRepIdNumber", e.legalRepresentative().idNumber(), "registeredCapital", 100 + 50 * (j % 20),
                "establishedOn", e.establishedOn(), "address", address, "businessScope", e.trade().scope,
                "industry", e.trade().industry, "registrationAuthority", authority,
                "status", e.deregistering() ? "清算中" : "存续", "phone", String.format("023-6%07d", 3100000 + 17 * j)));
        records.put("dsj-e-certificates/business-licence", code, map("certificateId", certificateId("YYZZ", j),
                "enterpriseName", e.name(), "legalRepresentative", e.legalRepresentative().name(),
                "issuedOn", e.establishedOn(), "registrationAuthority", authority));
        String premises = "重庆市" + e.districtName() + "金紫山路" + (2 + j) + "号附" + (1 + j % 9) + "号";
        double area = 120.0 + 15 * (j % 30);
        records.put("ghzy-real-estate/enterprise-property", code, map(
                "unitNo", String.format("5001%02d009003GB%05dF%08d", j % 20, 300 + j, 20010000 + j),
                "propertyAddress", premises, "buildingArea", area, "usage", e.trade() == Trade.AGRICULTURE ? "设施农用地" : "商业服务",
                "landUseRight", "出让", "registeredOn", e.establishedOn().plusMonths(3)));
        records.put("dsj-e-certificates/enterprise-real-estate-certificate", code, map("certificateId", certificateId("BDCQ", j),
                "certificateNo", String.format("渝（%d）%s不动产权第%07d号", e.establishedOn().getYear(), e.districtName(), 5200 + j),
                "propertyAddress", premises, "buildingArea", area, "usage", e.trade() == Trade.AGRICULTURE ? "设施农用地" : "商业服务"));
        int employees = 8 + 3 * (j % 25);
        records.put("rlsb-social-insurance/employer", code, map("unitSocialSecurityNo", String.format("50%09d", 300000000 + j),
                "registeredOn", e.establishedOn().plusMonths(1), "insuredEmployees", employees, "contributionStatus", "正常缴费",
                "arrears", 0, "agency", "重庆市" + e.districtName() + "社会保险事务中心"));
        records.put("ybj-insured-persons/insured-employer", code, map("unitInsuranceNo", String.format("Y50%08d", 40000000 + j),
                "insuredEmployees", employees, "contributionStatus", "正常缴费"));
        records.put("gjj-housing-fund/employer-account", code, map("unitFundAccountNo", String.format("50000%09d", 700000000 + j),
                "depositRatio", (5 + j % 8) + "%", "depositingEmployees", employees, "depositStatus", "正常缴存"));
        records.put("swj-taxpayers/taxpayer", code, map("taxpayerName", e.name(), "taxpayerType", j % 4 == 0 ? "一般纳税人" : "小规模纳税人",
                "taxAuthority", "国家税务总局重庆市" + e.districtName() + "税务局", "creditRating", "ABM".substring(j % 3, j % 3 + 1),
                "registrationStatus", "正常", "unpaidTax", "无欠税", "unsettledInvoices", "无", "lastYearRevenue", 380 + 45 * (j % 40)));
        if (e.deregistering()) {
            records.put("scjg-enterprise-registry/deregistration", code, map("liquidationFiledOn", LocalDate.of(2026, 9, 1 + j % 20),
                    "liquidationLeader", e.legalRepresentative().name(), "announcementStart", LocalDate.of(2026, 9, 25),
                    "announcementEnd", LocalDate.of(2026, 11, 8), "objections", "无异议"));
        }
        addPermits(e, records, code, j, premises);
    }

    private static void addPermits(Enterprise e, SandboxRecords records, String code, int j, String premises) {
        Trade trade = e.trade();
        if (trade == Trade.CATERING || trade == Trade.TRADE_AND_LOGISTICS) {
            records.put("dsj-e-certificates/food-business-licence", code, map("certificateId", certificateId("SPJY", j),
                    "licenceNo", String.format("JY%014d", 25001030000000L + j), "businessItems",
                    trade == Trade.CATERING ? "热食类食品制售" : "预包装食品（含冷藏冷冻食品）销售", "validUntil", LocalDate.of(2029, 6, 30)));
        }
        if (trade != Trade.CONSTRUCTION && trade != Trade.AGRICULTURE) {
            records.put("dsj-e-certificates/fire-safety-inspection", code, map("certificateId", certificateId("XFJC", j),
                    "documentNo", String.format("渝消安检字〔2025〕第%04d号", 100 + j), "venueAddress", premises,
                    "issuedOn", LocalDate.of(2025, 3, 1 + j % 28)));
        }
        if (trade == Trade.TRADE_AND_LOGISTICS) {
            records.put("dsj-e-certificates/road-transport-licence", code, map("certificateId", certificateId("DLYS", j),
                    "licenceNo", String.format("渝交运管许可渝字%012d号", 500100000000L + j), "businessScope", "道路普通货物运输",
                    "validUntil", LocalDate.of(2028, 12, 31)));
            records.put("dsj-e-certificates/waterway-transport-licence", code, map("certificateId", certificateId("SLYS", j),
                    "licenceNo", String.format("XK%09d", 500000000 + j), "businessScope", "长江干线及支流省际普通货船运输",
                    "validUntil", LocalDate.of(2029, 3, 31)));
            records.put("dsj-e-certificates/tobacco-retail-licence", code, map("certificateId", certificateId("YCLS", j),
                    "licenceNo", String.format("5001%08d", 3000000 + j), "shopAddress", premises, "validUntil", LocalDate.of(2028, 8, 31)));
        }
        if (trade == Trade.CONSTRUCTION) {
            String project = "重庆" + e.districtName() + "智能制造产业园标准厂房（" + (j + 1) + "期）";
            records.put("fgw-investment-projects/project", code, map("projectCode", String.format("2026-%s-47-01-%06d", code.substring(2, 8), 100000 + j),
                    "projectName", project, "location", "重庆市" + e.districtName() + "西永街道", "totalInvestment", 8000 + 500 * j,
                    "constructionScale", "新建标准厂房" + (4 + j % 5) + "栋，总建筑面积约" + (30000 + 1000 * j) + "平方米",
                    "approvalType", "备案", "plannedStart", LocalDate.of(2027, 3, 1)));
            records.put("dsj-e-certificates/land-planning-permit", code, map("certificateId", certificateId("YDGH", j),
                    "permitNo", String.format("地字第500%09d号", 2026000 + j), "projectName", project,
                    "landArea", 35000 + 100 * j, "issuedOn", LocalDate.of(2026, 8, 1 + j % 28)));
        }
    }
}
