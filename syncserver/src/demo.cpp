// The demo year, built in the order the office lives it: people and enterprises, the outbound
// trips, the visits with their check-ins, the monthly leads, the projects and their milestones,
// funds, bonuses and the year's single events. Fixed tables decide what happens (which project
// signs when, which funds arrive), so every seed scores the same shape; the seeded generator only
// fills in the everyday: who visits whom on which day, how good the GPS was, which leads wait.
#include "demo.h"

#include "ledger/checkin.h"
#include "ledger/creditcode.h"
#include "ledger/recognition.h"

#include <QCryptographicHash>
#include <QHash>
#include <QRandomGenerator>
#include <QSet>
#include <QUuid>
#include <algorithm>
#include <cmath>
#include <initializer_list>

namespace syncserver {

namespace {

using namespace ledger;

// Every id is a UUIDv5 of a readable name ("person/PGO/郭威", "visit/0042") in this namespace.
constexpr QUuid DemoNamespace(0x3d1c7a52, 0x8f0e, 0x5b6a, 0x9c, 0x41, 0x2e, 0x7d, 0x60, 0xa8, 0x13, 0xf5);

constexpr GeoPoint ZoneCentre{35.2647, 113.9268}; // the Management Committee
constexpr double MaxSiteRadiusM = 9500;           // enterprises' sites lie within ~10 km of it

constexpr QStringView Bureau = u"ISB"; // its people review and recognise records

// ---- people -------------------------------------------------------------------------------------

// The units' people besides their heads, who come from the scheme. `role` is the one role each has
// besides being staff (Role::Staff: none); the leader of the leading group is not field staff.
struct StaffRow
{
    QStringView unit;
    QStringView name;
    Role role;
};

constexpr StaffRow StaffTable[] = {
    {u"PGO", u"孙丽", Role::UnitContact},  {u"PGO", u"陈晓东", Role::Staff},     {u"PGO", u"张慧敏", Role::Staff},
    {u"PGO", u"刘洋", Role::Supervisor},   {u"PGO", u"王明辉", Role::Leader},
    {u"EDS", u"周敏", Role::UnitContact},  {u"EDS", u"李建国", Role::Staff},     {u"EDS", u"高雅琪", Role::Staff},
    {u"EDS", u"马超", Role::Staff},
    {u"ISB", u"张帆", Role::UnitContact},  {u"ISB", u"杜晓婷", Role::Staff},     {u"ISB", u"韩磊", Role::Admin},
    {u"ISB", u"宋佳", Role::Staff},        {u"ISB", u"崔志强", Role::Staff},     {u"ISB", u"杨柳", Role::Staff},
    {u"FIN", u"吴倩", Role::UnitContact},  {u"FIN", u"黄振华", Role::Staff},     {u"FIN", u"许静", Role::Staff},
    {u"PLC", u"郑凯", Role::UnitContact},  {u"PLC", u"朱丽娟", Role::Staff},     {u"PLC", u"胡晓峰", Role::Staff},
    {u"PLC", u"林涛", Role::Staff},        {u"PLC", u"孟凡超", Role::Staff},
    {u"EEE", u"冯雪", Role::UnitContact},  {u"EEE", u"袁博", Role::Staff},       {u"EEE", u"田甜", Role::Staff},
};

// ---- places and enterprises ---------------------------------------------------------------------

struct Place
{
    QStringView city;
    QStringView district;
    QStringView division; // administrative division code, positions 3-8 of a credit code
    GeoPoint centre;
};

constexpr Place Xinxiang{u"新乡", u"新乡经济开发区", u"410700", ZoneCentre};
constexpr Place Elsewhere[] = {
    {u"郑州", u"金水区", u"410105", {34.7466, 113.6253}},   {u"上海", u"浦东新区", u"310115", {31.2304, 121.4737}},
    {u"苏州", u"工业园区", u"320571", {31.2990, 120.5853}}, {u"杭州", u"滨江区", u"330108", {30.2084, 120.2120}},
    {u"深圳", u"南山区", u"440305", {22.5333, 113.9304}},   {u"东莞", u"松山湖", u"441900", {22.9200, 113.8800}},
    {u"北京", u"海淀区", u"110108", {39.9593, 116.2981}},   {u"天津", u"滨海新区", u"120116", {39.0032, 117.7100}},
    {u"济南", u"高新区", u"370100", {36.6512, 117.1201}},   {u"武汉", u"东湖高新区", u"420100", {30.4800, 114.4100}},
    {u"南京", u"江宁区", u"320115", {31.9530, 118.8400}},
};

constexpr QStringView ZoneRoads[] = {u"新长北线", u"经八路", u"纬七路", u"新东大道", u"金穗大道",
                                     u"经十二路", u"纬五路", u"创业路", u"科技大道", u"兴业路"};

// Trade names (字号), each used once among the enterprises.
constexpr QStringView Brands[] = {
    u"恒泰", u"瑞丰", u"华信", u"金鼎", u"博远", u"天成", u"宏达", u"安泰", u"鑫源", u"永盛", u"德润", u"嘉和",
    u"佳禾", u"百川", u"正和", u"新科", u"卓越", u"凯盛", u"远航", u"华盛", u"盛通", u"汇通", u"丰源", u"诚达",
    u"明泰", u"润通", u"三元", u"富源", u"利民", u"昌盛", u"万通", u"瑞泰", u"豫新", u"牧野", u"太行", u"中原",
    u"豫北", u"黄河", u"同力", u"华瑞", u"兴达", u"信达", u"正阳", u"晨光", u"天利", u"鼎新", u"顺达", u"美瑞",
    u"海纳", u"康源", u"圣元", u"盛华", u"金瑞", u"森源", u"蓝天", u"众诚", u"亿达", u"和顺", u"长青", u"宝丰",
    u"汉威", u"辰宇", u"龙腾", u"新阳", u"益康", u"凯利", u"金泰", u"合众", u"天润", u"瀚海", u"东升", u"九州",
    u"鸿运", u"泰和", u"宏远", u"瑞达", u"金桥", u"开元", u"国瑞", u"博瑞", u"恒通", u"佳美", u"联创", u"思源",
    u"星火", u"立达", u"和泰", u"中泰", u"丰华", u"正泰", u"凯达", u"德信", u"华阳", u"裕丰", u"恒力", u"永安",
    u"新宇", u"奥瑞", u"通达", u"宏图", u"锦程", u"同创", u"华冠", u"金海",
};

// How enterprises of an industry are named and what they would build; `weight` is how common the
// industry is among the zone's enterprises, `minimumLocal` how many it has at least (the projects
// below need them).
struct IndustryFlavour
{
    QStringView key;
    int weight;
    int minimumLocal;
    QStringView words[3];
    QStringView products[3];
};

constexpr IndustryFlavour Flavours[] = {
    {u"fine_chemicals", 30, 10, {u"精细化工", u"化学", u"化工科技"}, {u"高端精细化学品", u"电子化学品", u"医药中间体"}},
    {u"intelligent_manufacturing", 18, 4, {u"智能科技", u"自动化", u"机器人"}, {u"工业机器人", u"智能传感器", u"数控系统"}},
    {u"equipment_manufacturing", 18, 6, {u"重工", u"机械", u"装备"}, {u"起重装备", u"农机装备", u"专用车辆"}},
    {u"functional_food", 14, 4, {u"食品", u"生物科技", u"营养科技"}, {u"功能性配料", u"益生菌制剂", u"特医食品"}},
    {u"new_energy", 6, 2, {u"新能源", u"储能科技", u"电池"}, {u"锂电池材料", u"储能系统", u"氢能装备"}},
    {u"new_materials", 5, 2, {u"新材料", u"材料科技", u"高分子"}, {u"高性能纤维", u"特种树脂", u"石墨烯材料"}},
    {u"new_medicine", 5, 1, {u"药业", u"医疗器械", u"生物医药"}, {u"原料药", u"医用耗材", u"体外诊断试剂"}},
    {u"electronic_information", 4, 1, {u"电子", u"微电子", u"信息技术"}, {u"电子元器件", u"显示模组", u"智能终端"}},
};

// Foreign-invested enterprises, with the foreign parent that pays in their capital.
struct ForeignRow
{
    QStringView name;
    QStringView industry;
    QStringView city; // 新乡: in the zone
    QStringView parent;
    bool fortune500;
};

constexpr ForeignRow ForeignEnterprises[] = {
    {u"卡森精细化学（新乡）有限公司", u"fine_chemicals", u"新乡", u"Carson Chemie GmbH", true},
    {u"诺德营养配料（新乡）有限公司", u"functional_food", u"新乡", u"Nordic Nutrition Holdings Pte. Ltd.", false},
    {u"克劳斯传动技术（新乡）有限公司", u"intelligent_manufacturing", u"新乡", u"Krauss Antriebstechnik AG", false},
    {u"韩一电子材料（新乡）有限公司", u"electronic_information", u"新乡", u"Hanil Electronic Materials Co., Ltd.", false},
    {u"大和精工机械（苏州）有限公司", u"equipment_manufacturing", u"苏州", u"Daiwa Seiko Kikai K.K.", false},
    {u"莱茵智能装备（中国）有限公司", u"intelligent_manufacturing", u"上海", u"Rhein Smart Equipment SE", true},
    {u"丰泰食品配料（中国）有限公司", u"functional_food", u"上海", u"Fengtai Food Ingredients Pte. Ltd.", false},
};

// ---- what happens in the year -------------------------------------------------------------------

// A day of the scheme's year (or of a year before it).
struct Day
{
    int month = 0; // 0: not set
    int day = 0;
    int yearOffset = 0;
};

enum ProjectFlag : unsigned { Chemical = 1, Provincial = 2, Foreign = 4, Upgrade = 8 };

// What became of a project's last milestone, or of a funds arrival.
enum class Ending { Recognised, Waiting, Returned, Revoked };

struct ProjectRow
{
    QStringView unit;
    QStringView name;
    QStringView industry;
    qint64 yuan;
    unsigned flags;
    Day talks, signedOn, landed, started;
    Ending ending = Ending::Recognised;
};

// The year's projects. ISB's meet its 50亿, chemical ≥10亿, foreign and ≥5亿 tasks, two of three
// landed chemical projects (the third waits), one of two new foreign enterprises; G1 signs its
// ≥5亿 and starts two of three upgrades; G2 one of three; EEE all three, but its ≥5亿 signing is
// revoked as false.
constexpr ProjectRow Projects[] = {
    {u"ISB", u"年产30万吨高端精细化学品一体化项目", u"fine_chemicals", 5'000'000'000, Chemical | Provincial,
     {11, 15, -1}, {6, 28}, {9, 20}, {11, 18}},
    {u"ISB", u"年产5万吨电子化学品项目", u"fine_chemicals", 1'200'000'000, Chemical, {2, 10}, {9, 15}, {11, 20}, {}},
    {u"ISB", u"高性能工程塑料改性材料项目", u"fine_chemicals", 650'000'000, Chemical, {3, 1}, {7, 12}, {12, 14}, {}, Ending::Waiting},
    {u"ISB", u"功能性食品配料生产基地项目", u"functional_food", 300'000'000, Foreign | Provincial, {12, 5, -1}, {3, 10}, {8, 22}, {}},
    {u"ISB", u"精密减速器生产基地项目", u"intelligent_manufacturing", 180'000'000, Foreign, {4, 6}, {8, 30}, {12, 5}, {}, Ending::Waiting},
    {u"ISB", u"智能物流装备产业园项目", u"intelligent_manufacturing", 800'000'000, Provincial, {2, 20}, {6, 28}, {}, {}},
    {u"ISB", u"催化剂生产线智能化改造项目", u"fine_chemicals", 150'000'000, Upgrade, {1, 9}, {2, 20}, {}, {5, 16}},
    {u"ISB", u"锂电池正极材料项目", u"new_energy", 2'000'000'000, 0, {10, 10}, {}, {}, {}},
    {u"PGO", u"医药中间体项目", u"fine_chemicals", 600'000'000, Chemical, {1, 15}, {5, 20}, {}, {}},
    {u"PGO", u"冷链功能食品加工项目", u"functional_food", 250'000'000, 0, {4, 3}, {8, 8}, {11, 28}, {}, Ending::Returned},
    {u"PLC", u"起重装备数字化车间改造项目", u"equipment_manufacturing", 220'000'000, Upgrade, {1, 5}, {3, 15}, {}, {8, 1}},
    {u"PLC", u"电机生产线转型升级项目", u"equipment_manufacturing", 160'000'000, Upgrade, {3, 20}, {6, 10}, {}, {11, 15}},
    {u"PLC", u"装配式建筑部品部件项目", u"equipment_manufacturing", 400'000'000, 0, {11, 2}, {}, {}, {}},
    {u"EDS", u"智能装备产业园项目", u"intelligent_manufacturing", 520'000'000, 0, {5, 16}, {11, 2}, {}, {}},
    {u"EDS", u"农机装备承接转移项目", u"equipment_manufacturing", 120'000'000, Upgrade, {2, 14}, {4, 18}, {}, {9, 26}},
    {u"FIN", u"烘焙食品智能工厂项目", u"functional_food", 110'000'000, Upgrade, {3, 8}, {7, 5}, {}, {12, 12}, Ending::Waiting},
    {u"FIN", u"新型储能电站项目", u"new_energy", 350'000'000, 0, {9, 1}, {}, {}, {}},
    {u"EEE", u"VOCs治理技术改造项目", u"fine_chemicals", 150'000'000, Upgrade, {10, 12, -1}, {1, 16}, {}, {2, 27}},
    {u"EEE", u"化工园区污水处理提标改造项目", u"fine_chemicals", 130'000'000, Upgrade, {1, 3}, {3, 29}, {}, {5, 23}},
    {u"EEE", u"废催化剂资源化利用项目", u"fine_chemicals", 180'000'000, Upgrade, {3, 13}, {6, 2}, {}, {8, 17}},
    {u"EEE", u"生物基可降解材料项目", u"new_materials", 520'000'000, 0, {6, 12}, {10, 25}, {}, {}, Ending::Revoked},
};
// The projects signed at the year's signing event, on the first one's signing day.
constexpr QStringView SignedAtTheEvent[] = {u"年产30万吨高端精细化学品一体化项目", u"智能物流装备产业园项目"};

// Funds actually arrived, for a project of the table above or (empty) an enterprise already in
// the zone. Amounts in yuan or US dollars.
struct FundsRow
{
    QStringView unit;
    QStringView project;
    FundsKind kind;
    qint64 amount;
    Day date;
    Ending ending = Ending::Recognised;
};

constexpr FundsRow Funds[] = {
    {u"ISB", u"", FundsKind::OutsideProvinceRmb, 250'000'000, {3, 15}},
    {u"ISB", u"年产30万吨高端精细化学品一体化项目", FundsKind::OutsideProvinceRmb, 800'000'000, {7, 20}},
    {u"ISB", u"智能物流装备产业园项目", FundsKind::OutsideProvinceRmb, 400'000'000, {9, 12}},
    {u"ISB", u"年产30万吨高端精细化学品一体化项目", FundsKind::OutsideProvinceRmb, 600'000'000, {10, 18}},
    {u"ISB", u"年产5万吨电子化学品项目", FundsKind::OutsideProvinceRmb, 300'000'000, {10, 30}},
    {u"ISB", u"年产30万吨高端精细化学品一体化项目", FundsKind::OutsideProvinceRmb, 300'000'000, {12, 22}, Ending::Waiting},
    {u"ISB", u"功能性食品配料生产基地项目", FundsKind::ForeignCapitalUsd, 4'500'000, {9, 5}},
    {u"ISB", u"", FundsKind::ForeignCapitalUsd, 2'800'000, {11, 8}},
    {u"ISB", u"精密减速器生产基地项目", FundsKind::ForeignCapitalUsd, 3'100'000, {12, 20}, Ending::Waiting},
    {u"PLC", u"", FundsKind::OutsideProvinceRmb, 300'000'000, {2, 15}},
    {u"PLC", u"电机生产线转型升级项目", FundsKind::OutsideProvinceRmb, 120'000'000, {7, 10}},
    {u"PLC", u"", FundsKind::OutsideProvinceRmb, 200'000'000, {10, 9}},
    {u"PGO", u"医药中间体项目", FundsKind::OutsideProvinceRmb, 150'000'000, {9, 20}},
    {u"FIN", u"", FundsKind::OutsideProvinceRmb, 500'000'000, {6, 30}},
    {u"FIN", u"", FundsKind::OutsideProvinceRmb, 350'000'000, {10, 20}},
    {u"FIN", u"", FundsKind::OutsideProvinceRmb, 200'000'000, {11, 10}, Ending::Returned},
    {u"FIN", u"", FundsKind::ForeignCapitalIncreaseUsd, 250'000, {6, 1}},
    {u"EDS", u"智能装备产业园项目", FundsKind::OutsideProvinceRmb, 120'000'000, {12, 15}},
    {u"EDS", u"", FundsKind::ForeignCapitalIncreaseUsd, 380'000, {10, 16}},
    {u"EEE", u"", FundsKind::OutsideProvinceRmb, 400'000'000, {3, 31}},
    {u"EEE", u"", FundsKind::OutsideProvinceRmb, 200'000'000, {8, 18}},
};

// Enterprises brought to visit the zone, or visited with the zone's delegation. The last one is
// neither foreign nor of a leading industry, and is returned for it.
struct ReferralRow
{
    QStringView unit;
    Day date;
    ReferralDirection direction;
    bool foreign;
    bool leadingIndustry;
    QStringView notes;
};

constexpr ReferralRow Referrals[] = {
    {u"PGO", {2, 20}, ReferralDirection::EnterpriseVisitedZone, false, true, u"陪同企业考察精细化工园区，对接用地和蒸汽供应"},
    {u"PGO", {5, 8}, ReferralDirection::ZoneVisitedEnterprise, false, true, u"带队赴企业总部推介开发区，企业表示将来区考察"},
    {u"EDS", {4, 10}, ReferralDirection::EnterpriseVisitedZone, true, true, u"外资企业中国区负责人来区考察，参观标准化厂房"},
    {u"PLC", {9, 14}, ReferralDirection::EnterpriseVisitedZone, false, true, u"引荐装备制造企业来区，对接装配式厂房方案"},
    {u"EEE", {3, 22}, ReferralDirection::EnterpriseVisitedZone, false, true, u"引荐化工环保配套企业来区考察危废处置能力"},
    {u"EEE", {6, 15}, ReferralDirection::ZoneVisitedEnterprise, false, true, u"赴企业交流安全环保管理经验，推介化工园区"},
    {u"ISB", {7, 6}, ReferralDirection::EnterpriseVisitedZone, true, true, u"外资企业亚太区代表来区考察，洽谈设立区域工厂"},
    {u"FIN", {11, 3}, ReferralDirection::EnterpriseVisitedZone, false, false, u"引荐企业来区考察，了解金融扶持政策"},
};

// The outbound trips of the bureau, each with one companion from another unit.
struct TripRow
{
    Day start, end;
    QStringView cities[2];
    QStringView industries[2];
    QStringView companionUnit;
};

constexpr TripRow Trips[] = {
    {{4, 11}, {4, 14}, {u"上海", u"苏州"}, {u"fine_chemicals", u"new_materials"}, u"EEE"},
    {{7, 18}, {7, 21}, {u"深圳", u"东莞"}, {u"intelligent_manufacturing", u"equipment_manufacturing"}, u"EDS"},
    {{10, 17}, {10, 19}, {u"北京", u"北京"}, {u"functional_food", u"fine_chemicals"}, u"PLC"},
};

// The institutions visited on the trips, by the city they were met in (31 of them; with the one
// institute visited on its own the year reaches 32, over the target of 30).
struct InstitutionRow
{
    QStringView city;
    QStringView name;
    InstitutionCategory category;
};

using IC = InstitutionCategory;
constexpr InstitutionRow Institutions[] = {
    {u"上海", u"中国科学院上海有机化学研究所", IC::NationalResearchInstitution},
    {u"上海", u"上海化工研究院", IC::NationalResearchInstitution},
    {u"上海", u"华东理工大学化工学院", IC::NationalResearchInstitution},
    {u"上海", u"中国化工学会精细化工专业委员会", IC::NationalIndustryAssociation},
    {u"上海", u"中国染料工业协会", IC::NationalIndustryAssociation},
    {u"上海", u"长三角精细化工产业投资基金", IC::IndustrialInvestmentInstitution},
    {u"上海", u"上海某上市精细化工企业董事长", IC::WellKnownEntrepreneur},
    {u"苏州", u"中国科学院苏州纳米技术与纳米仿生研究所", IC::NationalResearchInstitution},
    {u"苏州", u"中国涂料工业协会", IC::NationalIndustryAssociation},
    {u"苏州", u"苏州工业园区化工新材料产业基金", IC::IndustrialInvestmentInstitution},
    {u"苏州", u"苏州某电子化学品上市公司董事长", IC::WellKnownEntrepreneur},
    {u"深圳", u"中国科学院深圳先进技术研究院", IC::NationalResearchInstitution},
    {u"深圳", u"清华大学深圳国际研究生院", IC::NationalResearchInstitution},
    {u"深圳", u"中国机器人产业联盟", IC::NationalIndustryAssociation},
    {u"深圳", u"中国电子信息行业联合会", IC::NationalIndustryAssociation},
    {u"深圳", u"粤港澳大湾区智能制造产业基金", IC::IndustrialInvestmentInstitution},
    {u"深圳", u"深圳某创投机构智能制造投资部", IC::IndustrialInvestmentInstitution},
    {u"深圳", u"深圳某工业机器人上市企业创始人", IC::WellKnownEntrepreneur},
    {u"东莞", u"东莞松山湖智能装备产业投资公司", IC::IndustrialInvestmentInstitution},
    {u"东莞", u"东莞某精密模具企业董事长", IC::WellKnownEntrepreneur},
    {u"东莞", u"中国通用机械工业协会", IC::NationalIndustryAssociation},
    {u"北京", u"中国食品发酵工业研究院", IC::NationalResearchInstitution},
    {u"北京", u"中国农业大学食品科学与营养工程学院", IC::NationalResearchInstitution},
    {u"北京", u"中国化工信息中心", IC::NationalResearchInstitution},
    {u"北京", u"中国食品科学技术学会", IC::NationalIndustryAssociation},
    {u"北京", u"中国营养保健食品协会", IC::NationalIndustryAssociation},
    {u"北京", u"中国石油和化学工业联合会", IC::NationalIndustryAssociation},
    {u"北京", u"中国机械工业联合会", IC::NationalIndustryAssociation},
    {u"北京", u"京津冀大健康产业投资基金", IC::IndustrialInvestmentInstitution},
    {u"北京", u"北京某央企产业投资公司", IC::IndustrialInvestmentInstitution},
    {u"北京", u"北京某功能食品上市企业董事长", IC::WellKnownEntrepreneur},
};

// The evidence each milestone is recognised on, and what was uploaded instead when it went back.
struct StageEvidence
{
    MilestoneStage stage;
    QStringView files[2];
    QStringView instead;
    QStringView returnedBecause;
};

constexpr StageEvidence StageEvidenceTable[] = {
    {MilestoneStage::Signed, {u"投资协议.pdf", u"签约现场照片.jpg"}, u"合作框架协议.pdf",
     u"上传的是合作框架协议，不是正式投资协议，请补充正式协议"},
    {MilestoneStage::Landed, {u"营业执照.jpg", u"税务登记证明.pdf"}, u"营业执照.jpg",
     u"尚未完成税务登记，请补充税务登记证明后重新提交"},
    {MilestoneStage::Started, {u"开工现场照片.jpg", u"建筑工程施工许可证.pdf"}, u"开工仪式照片.jpg",
     u"仅有开工仪式照片，不能证明实质性开工，请补充施工许可证或施工现场照片"},
};

[[nodiscard]] const StageEvidence &evidenceFor(MilestoneStage stage)
{
    for (const StageEvidence &e : StageEvidenceTable) {
        if (e.stage == stage)
            return e;
    }
    return StageEvidenceTable[0];
}

// ---- words --------------------------------------------------------------------------------------

constexpr QStringView VisitPurposes[] = {u"了解企业扩产计划", u"对接项目用地需求", u"走访服务，了解生产经营困难",
                                         u"洽谈增资扩股", u"推介开发区产业政策", u"对接上下游配套企业",
                                         u"跟进在谈项目进展"};
constexpr QStringView VisitOutcomes[] = {
    u"企业计划明年新增一条生产线，已明确专人对接", u"企业提出约50亩用地需求，已转规划建设局研究",
    u"协调解决企业用电增容问题，企业表示满意", u"企业有意引荐上游原料供应商来区考察",
    u"获得一条有明确投资意向的招商信息", u"企业负责人将于下月来区进一步洽谈", u"宣讲惠企政策，企业拟申报技改补助"};
constexpr QStringView NoCheckInReasons[] = {u"厂区内信号弱，手机无法获取定位，已附拜访照片",
                                            u"手机定位权限被关闭，当时未能签到", u"在企业郑州办事处会谈，不在注册地址",
                                            u"企业负责人来管委会洽谈，未到企业现场"};
constexpr QStringView FarNotes[] = {u"企业新厂区在建，在项目工地签到", u"在企业仓储物流园区签到",
                                    u"随企业负责人到其配套企业厂区考察"};
constexpr QStringView LeadSources[] = {u"商会推荐", u"企业走访获得", u"招商推介会", u"中介机构推荐",
                                       u"在外豫商引荐", u"行业协会推荐", u"以商招商"};
constexpr QStringView LeadProgress[] = {u"已完成初步选址", u"正在开展可行性研究", u"计划近期来区实地考察",
                                        u"已与开发区签订保密协议"};

constexpr QStringView ReasonTooBrief = u"拜访成果填写过于简单，请补充企业诉求和下一步对接安排";
constexpr QStringView ReasonMock = u"系统检测到模拟定位，请到企业现场重新签到并书面说明情况";
constexpr QStringView ReasonNoIntention = u"未写明投资意向，不属于有价值的招商引资信息，请补充后重新提交";
constexpr QStringView ReasonFalseAgreement =
    u"经核查，投资协议系伪造，企业未与开发区签约；分值取消，单位和个人取消年度评先资格并通报批评";
constexpr QStringView ReasonFundsProof = u"仅有银行回单，缺少投资方出具的书面到位资金证明，请补充后重新提交";

// ---- the generator ------------------------------------------------------------------------------

struct Member
{
    PersonId id;
    UnitCode unit;
    bool fieldStaff = true; // visits enterprises and files leads
};

enum class FixKind { OnSite, Far, Inaccurate, Mock, None };

// A visit before its record exists: what is needed to take the fixes in time order.
struct PlannedVisit
{
    QDateTime time; // the fix, UTC
    UnitCode unit;
    QList<PersonId> people; // the first holds the phone and is the author
    int enterprise = -1;
    GeoPoint place; // where the enterprise really is: its site, or where it was met
    FixKind fix = FixKind::OnSite;
    std::optional<RecordId> trip;
    std::optional<InstitutionCategory> institution;
};

class DemoYear
{
public:
    DemoYear(const Scheme &scheme, quint32 seed) : m_scheme(scheme), m_rng(seed), m_year(scheme.year) {}

    LedgerDocument build()
    {
        addPeople();
        addEnterprises();
        std::vector<PlannedVisit> visits = planTrips();
        planZoneVisits(visits);
        addVisits(std::move(visits));
        addLeads();
        addProjects();
        addFunds();
        addReferrals();
        addHeadquarters();
        addAward();
        addSigningEvent();
        addMapCompletion();
        return document();
    }

private:
    // ---- randomness -----------------------------------------------------------------------------
    int between(int lo, int hi) { return lo + int(m_rng.bounded(quint32(hi - lo + 1))); }
    double uniform(double lo, double hi) { return lo + (hi - lo) * m_rng.generateDouble(); }
    bool chance(double p) { return m_rng.generateDouble() < p; }
    template<class T, std::size_t N> const T &pick(const T (&items)[N]) { return items[between(0, int(N) - 1)]; }
    template<class T> const T &pick(const QList<T> &items) { return items[between(0, int(items.size()) - 1)]; }
    // Fisher-Yates with our own generator: std::shuffle's algorithm differs between libraries.
    template<class T> void shuffle(QList<T> &items)
    {
        for (qsizetype i = items.size() - 1; i > 0; --i)
            items.swapItemsAt(i, between(0, int(i)));
    }

    // ---- ids, days, files -----------------------------------------------------------------------
    [[nodiscard]] static QUuid uuid(const QString &name) { return QUuid::createUuidV5(DemoNamespace, name); }

    RecordId nextId(QStringView kind)
    {
        const int n = ++m_counters[kind.toString()];
        return RecordId(uuid(kind.toString() + QStringLiteral("/%1").arg(n, 4, 10, QChar(u'0'))));
    }

    [[nodiscard]] QDate date(Day d) const { return QDate(m_year + d.yearOffset, d.month, d.day); }

    QDate workday(int month)
    {
        const QDate first(m_year, month, 1);
        for (;;) {
            const QDate d = first.addDays(between(0, first.daysInMonth() - 1));
            if (d.dayOfWeek() <= 5)
                return d;
        }
    }

    [[nodiscard]] static QString mimeTypeOf(QStringView fileName)
    {
        if (fileName.endsWith(u".pdf"))
            return QStringLiteral("application/pdf");
        if (fileName.endsWith(u".jpg"))
            return QStringLiteral("image/jpeg");
        if (fileName.endsWith(u".xlsx"))
            return QStringLiteral("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        return QStringLiteral("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    }

    // The file's "content" hash is derived from its record and name, so the same name on two
    // records is two different files, and the same record always has the same file.
    [[nodiscard]] static Attachment attachment(const RecordId &owner, QStringView fileName)
    {
        const QByteArray digest =
            QCryptographicHash::hash((owner.toString() + u'/' + fileName.toString()).toUtf8(), QCryptographicHash::Sha256);
        Attachment a;
        a.sha256 = *AttachmentHash::parse(QString::fromLatin1(digest.toHex()));
        a.name = fileName.toString();
        a.mimeType = mimeTypeOf(fileName);
        // Scans and photos of 60 KB to about 4 MB.
        a.size = 60'000 + ((quint8(digest[0]) << 16) | (quint8(digest[1]) << 8) | quint8(digest[2])) % 4'000'000;
        return a;
    }

    [[nodiscard]] static QList<Attachment> files(const RecordId &owner, std::initializer_list<QStringView> names)
    {
        QList<Attachment> out;
        for (QStringView name : names)
            out.append(attachment(owner, name));
        return out;
    }

    // ---- review ---------------------------------------------------------------------------------
    // A reviewer of the bureau decides some days after the event, never after the year's end.
    Review review(ReviewState state, QDate event, QStringView reason = {})
    {
        Review r;
        r.state = state;
        r.reason = reason.toString();
        if (state == ReviewState::Submitted)
            return r;
        r.reviewer = pick(m_reviewers);
        const QDate day = std::max(event, std::min(event.addDays(between(1, 12)), QDate(m_year, 12, 31)));
        r.at = QDateTime(day, QTime(between(1, 8), between(0, 59), between(0, 59)), Qt::UTC); // office hours
        return r;
    }

    // Everyday records are recognised within days; the later in the year, the likelier one waits.
    Review everydayReview(QDate event)
    {
        static constexpr double Waiting[] = {0.01, 0.01, 0.01, 0.01, 0.01, 0.01, 0.01, 0.01, 0.02, 0.08, 0.2, 0.45};
        const bool waits = event.year() == m_year && chance(Waiting[event.month() - 1]);
        return review(waits ? ReviewState::Submitted : ReviewState::Recognised, event);
    }

    Review reviewFor(Ending ending, QDate event, QStringView reason)
    {
        switch (ending) {
        case Ending::Recognised: return review(ReviewState::Recognised, event);
        case Ending::Waiting: return review(ReviewState::Submitted, event);
        case Ending::Returned: return review(ReviewState::Returned, event, reason);
        case Ending::Revoked: return review(ReviewState::Revoked, event, reason);
        }
        return {};
    }

    RecordMeta meta(QStringView kind, const UnitCode &unit, QList<PersonId> people)
    {
        RecordMeta m;
        m.id = nextId(kind);
        m.author = people.value(0);
        m.credit = {unit, std::move(people)};
        return m;
    }

    // ---- people ---------------------------------------------------------------------------------
    void addPeople()
    {
        for (const SchemeUnit &unit : m_scheme.units) {
            // The heads named in the scheme come first ("吕岩、梁波" are two people).
            for (const QString &head : unit.head.split(u'、', Qt::SkipEmptyParts))
                addPerson(unit.code, head, Role::Staff);
            for (const StaffRow &row : StaffTable) {
                if (row.unit == unit.code.code())
                    addPerson(unit.code, row.name.toString(), row.role);
            }
        }
    }

    void addPerson(const UnitCode &unit, const QString &name, Role role)
    {
        Person p;
        p.id = PersonId(uuid(QStringLiteral("person/%1/%2").arg(unit.code(), name)));
        p.name = name;
        p.unit = unit;
        if (role != Role::Leader)
            p.roles.append(Role::Staff);
        if (role != Role::Staff)
            p.roles.append(role);
        if (unit.code() == Bureau && !p.roles.contains(Role::Reviewer))
            p.roles.append(Role::Reviewer);
        std::sort(p.roles.begin(), p.roles.end());
        if (unit.code() == Bureau)
            m_reviewers.append(p.id);
        m_members.push_back({p.id, unit, role != Role::Leader});
        m_people.push_back(std::move(p));
    }

    [[nodiscard]] QList<PersonId> fieldStaff(const UnitCode &unit) const
    {
        QList<PersonId> out;
        for (const Member &m : m_members) {
            if (m.unit == unit && m.fieldStaff)
                out.append(m.id);
        }
        return out;
    }

    // One or two of the unit's field staff; the first one did the work.
    QList<PersonId> crew(const UnitCode &unit, double secondChance = 0.3)
    {
        QList<PersonId> staff = fieldStaff(unit);
        shuffle(staff);
        return staff.mid(0, chance(secondChance) ? 2 : 1);
    }

    // ---- enterprises ----------------------------------------------------------------------------
    [[nodiscard]] const IndustryFlavour &flavour(QStringView key) const
    {
        for (const IndustryFlavour &f : Flavours) {
            if (f.key == key)
                return f;
        }
        return Flavours[0];
    }

    const IndustryFlavour &weightedFlavour()
    {
        int total = 0;
        for (const IndustryFlavour &f : Flavours)
            total += f.weight;
        int roll = between(0, total - 1);
        for (const IndustryFlavour &f : Flavours) {
            if ((roll -= f.weight) < 0)
                return f;
        }
        return Flavours[0];
    }

    [[nodiscard]] static const Place &placeIn(QStringView city)
    {
        for (const Place &p : Elsewhere) {
            if (p.city == city)
                return p;
        }
        return Xinxiang;
    }

    QString chainLinkFor(QStringView industry)
    {
        const Industry *i = m_scheme.industry(industry);
        return i && !i->chain.isEmpty() ? pick(i->chain) : QString();
    }

    // GB 32100-2015: registration authority and kind (2), division (6), organisation code (9), check.
    QString creditCode(QStringView kind, QStringView division)
    {
        static constexpr QStringView Charset = u"0123456789ABCDEFGHJKLMNPQRTUWXY";
        QString code = kind.toString() + division.toString();
        if (chance(0.6))
            code += QStringLiteral("MA"); // registered since the 2015 reform
        while (code.size() < 17)
            code += Charset[between(0, int(Charset.size()) - 1)];
        return code + *creditCodeCheckCharacter(code);
    }

    // Uniform over the disc around the Committee, at least 300 m out, to 0.1 m like a survey.
    GeoPoint randomSite()
    {
        const GeoPoint p = destinationPoint(ZoneCentre, std::max(300.0, MaxSiteRadiusM * std::sqrt(m_rng.generateDouble())),
                                            uniform(0, 360));
        return {std::round(p.latitude * 1e6) / 1e6, std::round(p.longitude * 1e6) / 1e6};
    }

    QString nextBrand() { return m_brands.takeFirst().toString(); }

    int addEnterprise(const QString &name, QStringView industry, const Place &place, QStringView kind = u"91")
    {
        Enterprise e;
        e.id = EnterpriseId(uuid(QStringLiteral("enterprise/") + name));
        e.name = name;
        e.creditCode = creditCode(kind, place.division);
        e.industry = industry.toString();
        e.chainLink = chainLinkFor(industry);
        if (&place == &Xinxiang) {
            e.site = randomSite();
            e.address = QStringLiteral("新乡经济开发区%1%2号").arg(pick(ZoneRoads)).arg(between(1, 399));
            m_zone.append(int(m_enterprises.size()));
        } else {
            e.address = place.city.toString() + QStringLiteral("市") + place.district.toString();
        }
        m_enterprises.push_back(std::move(e));
        return int(m_enterprises.size()) - 1;
    }

    int addNamedEnterprise(const Place &place, const IndustryFlavour &f, bool listed)
    {
        const QString prefix = &place == &Xinxiang ? (chance(0.3) ? QStringLiteral("河南") : QStringLiteral("新乡"))
                                                   : place.city.toString();
        const QString name = prefix + nextBrand() + pick(f.words).toString()
                             + (listed ? QStringLiteral("股份有限公司") : QStringLiteral("有限公司"));
        const int i = addEnterprise(name, f.key, place);
        m_enterprises[std::size_t(i)].listed = listed;
        m_enterprises[std::size_t(i)].industryLeader = listed ? chance(0.5) : chance(0.05);
        return i;
    }

    void addEnterprises()
    {
        m_brands = QList<QStringView>(std::begin(Brands), std::end(Brands));
        shuffle(m_brands);
        for (const ForeignRow &row : ForeignEnterprises) {
            const int i = addEnterprise(row.name.toString(), row.industry, placeIn(row.city));
            Enterprise &e = m_enterprises[std::size_t(i)];
            e.foreignInvested = true;
            e.fortune500 = row.fortune500;
            e.listed = row.fortune500;
            e.industryLeader = row.fortune500;
            m_foreignParents.insert(e.id, row.parent.toString());
        }
        // The enterprises the trips court, two in each city, in the trips' industries.
        for (const TripRow &trip : Trips) {
            QList<int> courted;
            for (int c = 0; c < 2; ++c) {
                const Place &city = placeIn(trip.cities[c]);
                courted.append(addNamedEnterprise(city, flavour(trip.industries[c]), chance(0.4)));
            }
            m_courted.append(courted);
        }
        // A national institute visited on a trip, and a leasing company claiming headquarters status.
        m_institute = addEnterprise(QStringLiteral("中国科学院过程工程研究所"), u"new_materials", placeIn(u"北京"), u"12");
        m_leasing = addEnterprise(QStringLiteral("新乡经开鼎盛融资租赁有限公司"), {}, Xinxiang);
        // Enterprises elsewhere that leads and referrals come from; one of them outside the leading
        // industries, for the referral that is sent back.
        addNamedEnterprise(pick(Elsewhere), flavour(u"electronic_information"), false);
        for (int i = between(7, 11); i > 0; --i)
            addNamedEnterprise(pick(Elsewhere), weightedFlavour(), chance(0.2));
        // The zone's own: every industry's minimum first, then the usual mix.
        for (const IndustryFlavour &f : Flavours) {
            for (int i = 0; i < f.minimumLocal; ++i)
                addNamedEnterprise(Xinxiang, f, chance(0.12));
        }
        const int total = between(72, 92);
        while (int(m_enterprises.size()) < total)
            addNamedEnterprise(Xinxiang, weightedFlavour(), chance(0.12));
        // A few of the zone's enterprises have no surveyed site yet: their check-ins cannot be placed.
        for (int i : std::as_const(m_zone)) {
            if (!m_enterprises[std::size_t(i)].foreignInvested && i != m_leasing && chance(0.06))
                m_enterprises[std::size_t(i)].site.reset();
        }
    }

    // A random enterprise that `accept`s, or -1.
    template<class Accept> int pickEnterprise(Accept accept)
    {
        QList<int> candidates;
        for (int i = 0; i < int(m_enterprises.size()); ++i) {
            if (accept(m_enterprises[std::size_t(i)], i))
                candidates.append(i);
        }
        return candidates.isEmpty() ? -1 : pick(candidates);
    }

    [[nodiscard]] bool inZone(int i) const { return m_zone.contains(i); }

    // ---- visits and trips -----------------------------------------------------------------------
    [[nodiscard]] static QString busyKey(const PersonId &p, QDate day, int slot)
    {
        return p.toString() + u'/' + day.toString(Qt::ISODate) + u'/' + QString::number(slot);
    }

    // Morning (09:00-11:30) or afternoon (14:00-16:30) in Xinxiang, as UTC.
    QDateTime slotTime(QDate day, int slot)
    {
        const int minutes = (slot == 0 ? 60 : 6 * 60) + between(0, 150);
        return QDateTime(day, QTime(minutes / 60, minutes % 60, between(0, 59)), Qt::UTC);
    }

    // The trips, each with visits to the enterprises it courted; their members make no zone visits
    // while away.
    std::vector<PlannedVisit> planTrips()
    {
        std::vector<PlannedVisit> visits;
        const UnitCode bureau(Bureau.toString());
        const QList<PersonId> bureauStaff = fieldStaff(bureau);
        for (qsizetype t = 0; t < std::ssize(Trips); ++t) {
            const TripRow &row = Trips[t];
            Trip trip;
            // The head of the bureau leads, with one of its staff and a companion from another unit.
            QList<PersonId> people{bureauStaff.first(), bureauStaff[between(2, int(bureauStaff.size()) - 1)]};
            trip.meta = meta(u"trip", bureau, people);
            trip.start = date(row.start);
            trip.end = date(row.end);
            trip.members = people;
            trip.members.append(pick(fieldStaff(UnitCode(row.companionUnit.toString()))));
            const QString destination = row.cities[0] == row.cities[1]
                                            ? row.cities[0].toString()
                                            : row.cities[0].toString() + u'、' + row.cities[1].toString();
            trip.destination = destination;
            QStringList industryNames;
            for (QStringView key : row.industries) {
                trip.industries.append(key.toString());
                if (const Industry *i = m_scheme.industry(key))
                    industryNames.append(i->name);
            }
            const int days = int(trip.start.daysTo(trip.end)) + 1;
            for (const InstitutionRow &inst : Institutions) {
                if (inst.city == row.cities[0] || inst.city == row.cities[1])
                    trip.institutions.append({inst.name.toString(), inst.category, trip.start.addDays(between(0, days - 1))});
            }
            for (const PersonId &member : std::as_const(trip.members)) {
                for (int d = -1; d <= days; ++d) // and the travel days either side
                    for (int slot = 0; slot < 2; ++slot)
                        m_busy.insert(busyKey(member, trip.start.addDays(d), slot));
            }
            for (int c = 0; c < 2; ++c) {
                const int e = m_courted[t][c];
                PlannedVisit v;
                v.time = slotTime(trip.start.addDays(1 + c % std::max(1, days - 1)), c % 2);
                v.unit = bureau;
                v.people = {people[c % 2]};
                v.enterprise = e;
                v.place = destinationPoint(placeIn(row.cities[c]).centre, uniform(500, 8000), uniform(0, 360));
                v.trip = trip.meta.id;
                visits.push_back(v);
            }
            trip.summary = QStringLiteral("赴%1围绕%2产业链开展招商，拜访国家级科研机构、投资机构、行业协会和知名企业家%3家，"
                                          "走访企业%4家，收集有明确投资意向的项目信息%5条。")
                               .arg(destination, industryNames.join(u'、'))
                               .arg(trip.institutions.size())
                               .arg(m_courted[t].size())
                               .arg(between(2, 5));
            trip.meta.review = review(ReviewState::Recognised, trip.end);
            trip.attachments = files(trip.meta.id, {u"外出招商情况小结.docx", u"外出招商统计表.xlsx"});
            m_trips.append(trip);
        }
        // On the last trip the institute is visited on its own record (not in the trip's list).
        PlannedVisit institute;
        const Trip &last = m_trips.back();
        institute.time = slotTime(last.end, 0);
        institute.unit = bureau;
        institute.people = {last.members.first()};
        institute.enterprise = m_institute;
        institute.place = destinationPoint(placeIn(u"北京").centre, 1200, 300);
        institute.trip = last.meta.id;
        institute.institution = InstitutionCategory::NationalResearchInstitution;
        visits.push_back(institute);
        return visits;
    }

    // Everyday visits to the zone's enterprises, two slots a day per person at most.
    void planZoneVisits(std::vector<PlannedVisit> &visits)
    {
        const int count = between(260, 320);
        const int fakedAfter = between(count / 4, count - 1);
        for (int n = 0; n < count; ++n) {
            PlannedVisit v;
            const SchemeUnit &unit = pick(m_scheme.units);
            // The bureau visits more than the others.
            v.unit = chance(0.25) ? UnitCode(Bureau.toString()) : unit.code;
            v.people = crew(v.unit);
            QDate day;
            int slot = 0;
            do {
                day = workday(between(1, 12));
                slot = between(0, 1);
            } while (m_busy.contains(busyKey(v.people.first(), day, slot)));
            m_busy.insert(busyKey(v.people.first(), day, slot));
            v.time = slotTime(day, slot);
            v.enterprise = n == fakedAfter ? pick(sitedZoneEnterprises()) : pick(m_zone);
            const Enterprise &e = m_enterprises[std::size_t(v.enterprise)];
            v.place = e.site ? *e.site : destinationPoint(ZoneCentre, uniform(500, MaxSiteRadiusM), uniform(0, 360));
            const double roll = m_rng.generateDouble();
            v.fix = roll < 0.07 ? FixKind::None : roll < 0.13 ? FixKind::Far : roll < 0.18 ? FixKind::Inaccurate : FixKind::OnSite;
            if (n == fakedAfter) {
                v.fix = FixKind::OnSite;
                visits.push_back(v);
                visits.push_back(fakedVisit(v));
                continue;
            }
            visits.push_back(v);
        }
    }

    [[nodiscard]] QList<int> sitedZoneEnterprises() const
    {
        QList<int> out;
        for (int i : m_zone) {
            if (m_enterprises[std::size_t(i)].site)
                out.append(i);
        }
        return out;
    }

    // Once in the year someone, just checked in at one enterprise, uses a location faker to "check
    // in" at the farthest one as well, moments later: the reviewer sees a simulated position and a
    // speed twice what the scheme allows.
    [[nodiscard]] PlannedVisit fakedVisit(const PlannedVisit &genuine) const
    {
        PlannedVisit fake = genuine;
        double farthest = -1;
        for (int i : sitedZoneEnterprises()) {
            const double d = distanceMeters(genuine.place, *m_enterprises[std::size_t(i)].site);
            if (d > farthest) {
                farthest = d;
                fake.enterprise = i;
            }
        }
        fake.place = *m_enterprises[std::size_t(fake.enterprise)].site;
        const double metresPerSecond = 2 * m_scheme.checkIn.maxSpeedKmh / 3.6;
        fake.time = genuine.time.addMSecs(std::max(qint64(1000), qint64(farthest / metresPerSecond * 1000)));
        fake.fix = FixKind::Mock;
        return fake;
    }

    // What the phone reported, given where the enterprise is; thresholds from the scheme.
    PositionFix fixFor(const PlannedVisit &v)
    {
        const CheckInRules &rules = m_scheme.checkIn;
        PositionFix fix;
        fix.time = v.time;
        double meters = uniform(3, 0.35 * rules.farFromSiteM);
        fix.accuracyM = std::round(uniform(3, 0.7 * rules.maxAccuracyM) * 10) / 10;
        switch (v.fix) {
        case FixKind::Far:
            meters = uniform(1.1 * rules.farFromSiteM, 6 * rules.farFromSiteM);
            break;
        case FixKind::Inaccurate:
            fix.accuracyM = std::round(uniform(1.1 * rules.maxAccuracyM, 4 * rules.maxAccuracyM));
            break;
        case FixKind::Mock:
            // A faker puts the person exactly on the registered coordinates, with a perfect accuracy.
            fix.position = v.place;
            fix.accuracyM = 5;
            fix.mock = true;
            return fix;
        case FixKind::OnSite:
        case FixKind::None:
            break;
        }
        const GeoPoint p = destinationPoint(v.place, meters, uniform(0, 360));
        fix.position = {std::round(p.latitude * 1e7) / 1e7, std::round(p.longitude * 1e7) / 1e7};
        return fix;
    }

    Review visitReview(const Visit &v, FixKind fix, bool tooBrief)
    {
        if (fix == FixKind::Mock)
            return review(ReviewState::Returned, v.date, ReasonMock);
        if (v.checkIn && v.checkIn->flags.contains(CheckInFlag::FarFromSite) && chance(0.4)) {
            return review(ReviewState::Returned, v.date,
                          QStringLiteral("签到位置距企业注册地址%1米，超过%2米，请补充现场照片或说明原因")
                              .arg(qRound(*v.checkIn->distanceM))
                              .arg(m_scheme.checkIn.farFromSiteM));
        }
        if (tooBrief)
            return review(ReviewState::Returned, v.date, ReasonTooBrief);
        return everydayReview(v.date);
    }

    // The visits in time order, so each check-in is judged against the same person's earlier ones.
    void addVisits(std::vector<PlannedVisit> plans)
    {
        std::stable_sort(plans.begin(), plans.end(),
                         [](const PlannedVisit &a, const PlannedVisit &b) { return a.time < b.time; });
        QHash<PersonId, QList<CheckIn>> history;
        for (const PlannedVisit &plan : plans) {
            const Enterprise &enterprise = m_enterprises[std::size_t(plan.enterprise)];
            Visit v;
            v.meta = meta(u"visit", plan.unit, plan.people);
            v.enterprise = enterprise.id;
            v.date = plan.time.date();
            v.trip = plan.trip;
            v.institution = plan.institution;
            v.purpose = plan.institution ? QStringLiteral("对接科研成果转化和中试基地合作") : pick(VisitPurposes).toString();
            const bool tooBrief = chance(0.015);
            v.outcome = tooBrief ? QStringLiteral("已走访") : pick(VisitOutcomes).toString();
            if (plan.fix == FixKind::None) {
                v.noCheckInReason = pick(NoCheckInReasons).toString();
            } else {
                QList<CheckIn> &earlier = history[plan.people.first()];
                v.checkIn = makeCheckIn(fixFor(plan), enterprise, earlier, m_scheme.checkIn);
                earlier.append(*v.checkIn);
                if (plan.fix == FixKind::Far)
                    v.notes = pick(FarNotes).toString();
            }
            if (plan.fix == FixKind::None || chance(0.35))
                v.attachments = files(v.meta.id, {u"拜访照片.jpg"});
            v.meta.review = visitReview(v, plan.fix, tooBrief);
            for (Trip &trip : m_trips) {
                if (v.trip == trip.meta.id)
                    trip.visits.append(v.meta.id);
            }
            m_records.push_back(std::move(v));
        }
        for (Trip &trip : m_trips)
            m_records.push_back(std::move(trip));
    }

    // ---- leads ----------------------------------------------------------------------------------
    // Every unit files three to five leads most months (Environment sometimes fewer); a few say
    // nothing of an intention and are sent back.
    void addLeads()
    {
        static constexpr int Usual[] = {3, 4, 4, 4, 5, 5};
        static constexpr int Thin[] = {2, 3, 3, 4, 4, 5};
        for (const SchemeUnit &unit : m_scheme.units) {
            for (int month = 1; month <= 12; ++month) {
                for (int n = unit.code.code() == u"EEE" ? pick(Thin) : pick(Usual); n > 0; --n)
                    addLead(unit.code, workday(month));
            }
        }
    }

    void addLead(const UnitCode &unit, QDate filed)
    {
        Lead l;
        l.meta = meta(u"lead", unit, crew(unit, 0.1));
        const IndustryFlavour &f = weightedFlavour();
        l.industry = f.key.toString();
        // Some leads are about an enterprise already in the ledger, most about one only named.
        const int known = chance(0.3) ? pickEnterprise([&](const Enterprise &e, int i) { return !inZone(i) && e.industry == l.industry; })
                                      : -1;
        if (known >= 0) {
            l.enterprise = m_enterprises[std::size_t(known)].id;
            l.enterpriseName = m_enterprises[std::size_t(known)].name;
        } else {
            l.enterpriseName = pick(Elsewhere).city.toString() + pick(Brands).toString() + pick(f.words).toString()
                               + QStringLiteral("有限公司");
        }
        l.expectedInvestment = Money::yuan(qint64(between(5, 300)) * 10'000'000);
        l.filed = filed;
        l.source = pick(LeadSources).toString();
        if (chance(0.04)) {
            l.meta.review = review(ReviewState::Returned, filed, ReasonNoIntention);
        } else {
            l.intention = QStringLiteral("拟在开发区投资建设%1项目，预计总投资%2，%3")
                              .arg(pick(f.products).toString(), l.expectedInvestment.toDisplayString(),
                                   pick(LeadProgress).toString());
            l.meta.review = everydayReview(filed);
        }
        m_records.push_back(std::move(l));
    }

    // ---- projects and their milestones ----------------------------------------------------------
    // The project company: an enterprise of the zone in the project's industry, foreign where the
    // project is; one with a site and no other project while there is one (addEnterprises() makes
    // enough of every industry that the fallback is only for a scheme with other industries).
    int investorFor(const ProjectRow &row)
    {
        const bool foreign = row.flags & Foreign;
        auto fits = [&](const Enterprise &e, int i) { return inZone(i) && e.industry == row.industry && e.foreignInvested == foreign; };
        for (int i = 0; i < int(m_enterprises.size()); ++i) {
            const Enterprise &e = m_enterprises[std::size_t(i)];
            if (!m_usedInvestors.contains(i) && e.site && fits(e, i)) {
                m_usedInvestors.insert(i);
                return i;
            }
        }
        const int any = pickEnterprise(fits);
        return any >= 0 ? any : pick(m_zone);
    }

    void addProjects()
    {
        for (const ProjectRow &row : Projects) {
            const UnitCode unit(row.unit.toString());
            const QList<PersonId> people = crew(unit, 0.5);
            Project p;
            p.meta = meta(u"project", unit, people);
            p.enterprise = m_enterprises[std::size_t(investorFor(row))].id;
            p.name = row.name.toString();
            p.investment = Money::yuan(row.yuan);
            p.industry = row.industry.toString();
            p.chemical = row.flags & Chemical;
            p.provincialLedger = row.flags & Provincial;
            p.foreignFunded = row.flags & Foreign;
            p.upgradeTransfer = row.flags & Upgrade;
            p.talksSince = date(row.talks);
            const bool inTalksOnly = row.signedOn.month == 0;
            p.meta.review = inTalksOnly ? everydayReview(p.talksSince) : review(ReviewState::Recognised, p.talksSince);
            m_projectIds.insert(p.name, p.meta.id);
            m_projectEnterprises.insert(p.name, p.enterprise);

            const std::pair<MilestoneStage, Day> stages[] = {
                {MilestoneStage::Signed, row.signedOn}, {MilestoneStage::Landed, row.landed}, {MilestoneStage::Started, row.started}};
            int last = -1;
            for (int s = 0; s < 3; ++s)
                last = stages[s].second.month ? s : last;
            for (int s = 0; s <= last; ++s) {
                if (stages[s].second.month)
                    addMilestone(p, stages[s].first, date(stages[s].second), s == last ? row.ending : Ending::Recognised);
            }
            m_records.push_back(std::move(p));
        }
    }

    void addMilestone(const Project &p, MilestoneStage stage, QDate day, Ending ending)
    {
        const StageEvidence &evidence = evidenceFor(stage);
        const bool returned = ending == Ending::Returned;
        Milestone m;
        m.meta = meta(u"milestone", p.meta.credit.unit, p.meta.credit.people);
        m.project = p.meta.id;
        m.stage = stage;
        m.date = day;
        m.evidence = returned ? files(m.meta.id, {evidence.instead}) : files(m.meta.id, {evidence.files[0], evidence.files[1]});
        if (stage == MilestoneStage::Landed) {
            m.legalEntityRegistered = true;
            m.taxRegistered = !returned;
            m.notes = QStringLiteral("已在开发区注册为独立核算法人企业");
        }
        m.meta.review = reviewFor(ending, day, ending == Ending::Revoked ? ReasonFalseAgreement : evidence.returnedBecause);
        m_records.push_back(std::move(m));
    }

    // ---- funds, referrals, headquarters, award --------------------------------------------------
    void addFunds()
    {
        for (const FundsRow &row : Funds) {
            const UnitCode unit(row.unit.toString());
            const bool usd = currencyOf(row.kind) == Currency::USD;
            FundsArrival f;
            f.meta = meta(u"funds", unit, crew(unit, 0.2));
            if (!row.project.isEmpty()) {
                f.project = m_projectIds.value(row.project.toString());
                f.enterprise = m_projectEnterprises.value(row.project.toString());
            } else {
                const int e = pickEnterprise(
                    [&](const Enterprise &x, int i) { return inZone(i) && x.foreignInvested == usd && i != m_leasing; });
                f.enterprise = m_enterprises[std::size_t(e)].id;
            }
            f.kind = row.kind;
            f.amount = usd ? Money::usd(row.amount) : Money::yuan(row.amount);
            f.date = date(row.date);
            f.payer = payerOf(f.enterprise, usd);
            f.proof = usd ? files(f.meta.id, {u"外汇登记业务凭证.pdf", u"银行询证函.pdf"})
                          : files(f.meta.id, {u"银行进账单.pdf", u"投资方到位资金证明.pdf"});
            if (row.ending == Ending::Returned)
                f.proof = files(f.meta.id, {u"银行回单.jpg"});
            f.meta.review = reviewFor(row.ending, f.date, ReasonFundsProof);
            m_records.push_back(std::move(f));
        }
    }

    // Foreign capital comes from the foreign parent; money from outside the province from an
    // investor elsewhere in China.
    QString payerOf(const EnterpriseId &id, bool usd)
    {
        if (usd || m_foreignParents.contains(id))
            return m_foreignParents.value(id, QStringLiteral("境外投资方"));
        return pick(Elsewhere).city.toString() + pick(Brands).toString() + QStringLiteral("投资集团有限公司");
    }

    void addReferrals()
    {
        for (const ReferralRow &row : Referrals) {
            const UnitCode unit(row.unit.toString());
            Referral r;
            r.meta = meta(u"referral", unit, crew(unit, 0.3));
            const int e = pickEnterprise([&](const Enterprise &x, int i) {
                return x.foreignInvested == row.foreign && m_scheme.isLeadingIndustry(x.industry) == row.leadingIndustry
                       && (row.foreign || !inZone(i)) && i != m_institute;
            });
            const Enterprise &enterprise = m_enterprises[std::size_t(e)];
            r.enterprise = enterprise.id;
            r.date = date(row.date);
            r.direction = row.direction;
            r.foreign = row.foreign;
            r.leadingIndustry = row.leadingIndustry;
            r.notes = row.notes.toString();
            r.evidence = files(r.meta.id, {u"考察接待照片.jpg"});
            if (referralPoints(r, m_scheme.referral).isZero()) {
                const Industry *industry = m_scheme.industry(enterprise.industry);
                const QString what = industry ? industry->name + QStringLiteral("企业") : QStringLiteral("企业");
                r.meta.review = review(ReviewState::Returned, r.date,
                                       QStringLiteral("引荐的%1不属于主导产业关联企业，也不是外资企业，不予加分").arg(what));
            } else {
                r.meta.review = review(ReviewState::Recognised, r.date);
            }
            m_records.push_back(std::move(r));
        }
    }

    // One import/export headquarters over its threshold, and a financial one whose paid-in capital
    // falls short: it goes back with the rule's own words.
    void addHeadquarters()
    {
        const HeadquartersRule &rule = m_scheme.headquarters;
        HeadquartersClaim trade;
        const UnitCode plc(QStringLiteral("PLC"));
        trade.meta = meta(u"headquarters", plc, crew(plc, 0.5));
        trade.enterprise = m_enterprises[std::size_t(pickEnterprise([&](const Enterprise &e, int i) {
                                             return inZone(i) && !e.foreignInvested && e.industry == u"functional_food";
                                         }))].id;
        trade.type = HeadquartersType::ImportExport;
        trade.date = date({12, 10});
        trade.agreementDate = date({3, 1});
        trade.businessRegistered = true;
        trade.taxRegistered = true;
        trade.importExport = Money::yuan(rule.minImportExport.minor / 100 * 7 / 6); // 3500万 against 3000万
        trade.evidence = files(trade.meta.id, {u"入区协议.pdf", u"营业执照.jpg", u"海关进出口数据证明.pdf"});
        trade.meta.review = review(ReviewState::Recognised, trade.date);
        m_records.push_back(std::move(trade));

        HeadquartersClaim finance;
        const UnitCode fin(QStringLiteral("FIN"));
        finance.meta = meta(u"headquarters", fin, crew(fin, 0.5));
        finance.enterprise = m_enterprises[std::size_t(m_leasing)].id;
        finance.type = HeadquartersType::Financial;
        finance.date = date({11, 20});
        finance.agreementDate = date({5, 18});
        finance.businessRegistered = true;
        finance.taxRegistered = true;
        finance.registeredCapital = rule.minRegisteredCapital;
        finance.paidInCapital = Money::yuan(rule.minPaidInCapital.minor / 100 * 3 / 5); // 3000万 of the 5000万 needed
        finance.evidence = files(finance.meta.id, {u"入区协议.pdf", u"营业执照.jpg", u"验资报告.pdf"});
        const QString shortfall = headquartersShortfall(finance, rule).value_or(QString());
        finance.meta.review = review(ReviewState::Returned, finance.date, shortfall + QStringLiteral("，待实缴到位后重新申报"));
        m_records.push_back(std::move(finance));
    }

    // The leading group's discretionary point for bringing in a Fortune Global 500 company.
    void addAward()
    {
        const UnitCode eds(QStringLiteral("EDS"));
        const int e = pickEnterprise([](const Enterprise &x, int) { return x.fortune500 && x.site.has_value(); });
        Award a;
        a.meta = meta(u"award", eds, crew(eds, 1.0));
        a.meta.author = m_reviewers.value(1); // entered by the bureau on the leading group's decision
        a.category = AwardCategory::Fortune500;
        a.points = Points::whole(1);
        a.date = date({12, 8});
        a.enterprise = m_enterprises[std::size_t(e)].id;
        a.reason = QStringLiteral("引进世界500强企业%1设立华中区域分拨中心，经领导小组研究加1分").arg(m_enterprises[std::size_t(e)].name);
        a.meta.review = review(ReviewState::Recognised, a.date);
        m_records.push_back(std::move(a));
    }

    // ---- the year's single events ---------------------------------------------------------------
    void addSigningEvent()
    {
        const UnitCode bureau(Bureau.toString());
        SigningEvent s;
        s.meta = meta(u"signing_event", bureau, crew(bureau, 1.0));
        s.title = QStringLiteral("新乡经济开发区%1年主导产业重大项目集中签约仪式").arg(m_year);
        for (const ProjectRow &row : Projects) {
            if (row.name == SignedAtTheEvent[0])
                s.date = date(row.signedOn);
        }
        s.venue = QStringLiteral("新乡经济开发区管委会");
        for (QStringView name : SignedAtTheEvent)
            s.projects.append(m_projectIds.value(name.toString()));
        s.evidence = files(s.meta.id, {u"签约仪式现场照片.jpg", u"新闻通稿.docx"});
        s.meta.review = review(ReviewState::Recognised, s.date);
        m_records.push_back(std::move(s));
    }

    void addMapCompletion()
    {
        const UnitCode bureau(Bureau.toString());
        MapCompletion m;
        m.meta = meta(u"map_completion", bureau, crew(bureau, 1.0));
        m.date = date({12, 15});
        int targets = 0;
        for (const Industry &i : m_scheme.industries) {
            if (i.leading)
                m.industries.append(i.key);
        }
        for (const Enterprise &e : m_enterprises)
            targets += m.industries.contains(e.industry) && !e.chainLink.isEmpty();
        m.notes = QStringLiteral("绘制%1条主导产业链图谱，标注链上目标企业%2家").arg(m.industries.size()).arg(targets);
        m.evidence = files(m.meta.id, {u"主导产业招商图谱.pdf", u"目标企业清单.xlsx"});
        m.meta.review = review(ReviewState::Recognised, m.date);
        m_records.push_back(std::move(m));
    }

    // ---- the document ---------------------------------------------------------------------------
    LedgerDocument document()
    {
        LedgerDocument doc;
        doc.schemeId = m_scheme.id;
        for (Person &p : m_people)
            doc.ledger.upsert(std::move(p));
        for (Enterprise &e : m_enterprises)
            doc.ledger.upsert(std::move(e));
        // The ledger reads as the year went: by event date, in the order things were entered.
        std::stable_sort(m_records.begin(), m_records.end(),
                         [](const Record &a, const Record &b) { return eventDate(a) < eventDate(b); });
        doc.ledger.reserve(qsizetype(m_records.size()));
        for (Record &r : m_records)
            doc.ledger.upsert(std::move(r));
        return doc;
    }

    const Scheme &m_scheme;
    QRandomGenerator m_rng;
    int m_year;
    QHash<QString, int> m_counters;
    std::vector<Person> m_people;
    std::vector<Member> m_members;
    QList<PersonId> m_reviewers;
    std::vector<Enterprise> m_enterprises;
    QList<QStringView> m_brands;
    QList<int> m_zone;                 // enterprises in the zone
    QList<QList<int>> m_courted;       // per trip, the enterprises it visits
    QHash<EnterpriseId, QString> m_foreignParents;
    int m_institute = -1;
    int m_leasing = -1;
    QSet<int> m_usedInvestors;
    QHash<QString, RecordId> m_projectIds; // by project name
    QHash<QString, EnterpriseId> m_projectEnterprises;
    QSet<QString> m_busy;              // person/day/slot already taken
    QList<Trip> m_trips;
    std::vector<Record> m_records;
};

} // namespace

LedgerDocument makeDemoLedger(const Scheme &scheme, quint32 seed)
{
    return DemoYear(scheme, seed).build();
}

} // namespace syncserver
