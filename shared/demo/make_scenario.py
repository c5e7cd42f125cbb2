#!/usr/bin/env python3
"""Writes scenario-2023.json: a full year for the six units under the 2023 scheme, small enough
that every expected score in tests/shared/tst_scenario.cpp can be checked by hand.

Ids are UUIDv5 of readable names, so the file is the same every time it is generated.
Run: python3 shared/demo/make_scenario.py > shared/demo/scenario-2023.json
"""
import json
import uuid

NS = uuid.UUID("6ba7b811-9dad-11d1-80b4-00c04fd430c8")
counter = {}


def uid(name):
    return str(uuid.uuid5(NS, name))


def rid(prefix):
    counter[prefix] = counter.get(prefix, 0) + 1
    return uid(f"{prefix}-{counter[prefix]}")


PDF = {"sha256": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
       "name": "证明材料.pdf", "mimeType": "application/pdf", "size": 182044}
PHOTO = {"sha256": "60303ae22b998861bce3b28f33eec1be758a213c86c93c076dbe9f558c11c752",
         "name": "现场照片.jpg", "mimeType": "image/jpeg", "size": 734211}

people = []
staff = {}
for unit, names in {
    "PGO": ["郭威", "孙丽"], "EDS": ["何银亮", "周敏"], "ISB": ["吕岩", "梁波"],
    "FIN": ["魏铭良", "吴倩"], "PLC": ["何蓬", "郑凯"], "EEE": ["赵可", "冯雪"],
}.items():
    for i, name in enumerate(names):
        pid = uid(f"person-{unit}-{i}")
        staff[(unit, i)] = pid
        roles = ["staff"] + (["unit_contact"] if i == 0 else [])
        if unit == "ISB":
            roles.append("reviewer")
        people.append({"v": 1, "id": pid, "name": name, "unit": unit, "roles": roles, "active": True})

REVIEWER = staff[("ISB", 0)]
enterprises = []


def enterprise(key, name, industry, foreign=False, chain=""):
    eid = uid(f"enterprise-{key}")
    enterprises.append({"v": 1, "id": eid, "name": name, "industry": industry, "chainLink": chain,
                        "foreignInvested": foreign, "listed": False, "fortune500": False,
                        "industryLeader": False, "site": {"latitude": 35.2647, "longitude": 113.9268}})
    return eid


def meta(kind, unit, person=0, state="recognised", reason=None):
    review = {"state": state}
    if state != "submitted":
        review.update({"reviewer": REVIEWER, "at": "2023-12-31T02:00:00Z"})
    if reason:
        review["reason"] = reason
    return {"v": 1, "kind": kind, "id": rid(kind), "author": staff[(unit, person)],
            "credit": {"unit": unit, "people": [staff[(unit, person)]]}, "review": review}


records = []


def lead(unit, date, person=0, intention="拟投资建设生产线，已明确投资意向", **kw):
    r = meta("lead", unit, person, **kw)
    r.update({"enterpriseName": "意向企业", "intention": intention,
              "expectedInvestment": {"currency": "CNY", "amount": "200000000.00"},
              "industry": "fine_chemicals", "filed": date, "source": "商会推荐"})
    records.append(r)


def funds(unit, kind, amount, date, person=0, **kw):
    r = meta("funds", unit, person, **kw)
    r.update({"enterprise": enterprise(f"funds-{len(records)}", "到资企业", "fine_chemicals"), "fundsKind": kind,
              "amount": {"currency": "CNY" if kind == "outside_province_rmb" else "USD", "amount": f"{amount}.00"},
              "date": date, "payer": "投资方", "proof": [PDF]})
    records.append(r)


def project(unit, name, yuan, industry, person=0, chemical=False, provincial=False, foreign=False,
            upgrade=False, since="2023-01-10"):
    r = meta("project", unit, person)
    r.update({"enterprise": enterprise(f"project-{name}", name + "有限公司", industry, foreign), "name": name,
              "investment": {"currency": "CNY", "amount": f"{yuan}.00"}, "industry": industry,
              "chemical": chemical, "provincialLedger": provincial, "foreignFunded": foreign,
              "upgradeTransfer": upgrade, "talksSince": since, "notes": ""})
    records.append(r)
    return r["id"]


def milestone(unit, project_id, stage, date, person=0, **kw):
    r = meta("milestone", unit, person, **kw)
    r.update({"project": project_id, "stage": stage, "date": date, "evidence": [PDF],
              "legalEntityRegistered": stage == "landed", "taxRegistered": stage == "landed", "notes": ""})
    records.append(r)


def referral(unit, date, foreign, person=0):
    r = meta("referral", unit, person)
    r.update({"enterprise": enterprise(f"referral-{len(records)}", "来访企业", "functional_food", foreign),
              "date": date, "direction": "enterprise_visited_zone", "foreign": foreign,
              "leadingIndustry": True, "notes": "带企业来区考察", "evidence": [PHOTO]})
    records.append(r)


def trip(unit, destination, start, end, industries, institutions, person=0):
    r = meta("trip", unit, person)
    r.update({"destination": destination, "start": start, "end": end, "members": [staff[(unit, 0)], staff[(unit, 1)]],
              "industries": industries, "visits": [],
              "institutions": [{"name": f"{destination}机构{i + 1}", "category": "national_industry_association",
                                "date": start} for i in range(institutions)],
              "summary": f"赴{destination}开展产业链招商", "attachments": []})
    records.append(r)


# ---- G1: PGO + PLC ------------------------------------------------------------------------------
for m in range(1, 13):
    for d in (3, 4):
        lead("PGO", f"2023-{m:02d}-{d:02d}", person=1)
        lead("PLC", f"2023-{m:02d}-{d + 10:02d}", person=1)
lead("PLC", "2023-03-28", person=1)  # the group's fifth in March: not counted
funds("PLC", "outside_province_rmb", 300000000, "2023-02-15")
funds("PLC", "outside_province_rmb", 200000000, "2023-07-10")
p = project("PGO", "新乡精细化学品项目", 600000000, "fine_chemicals", chemical=True)
milestone("PGO", p, "signed", "2023-05-20")
for i, date in enumerate(["2023-08-01", "2023-11-15"]):
    p = project("PLC", f"装备制造技改项目{i + 1}", 200000000, "equipment_manufacturing", upgrade=True)
    milestone("PLC", p, "started", date)
referral("PGO", "2023-02-20", False)
referral("PGO", "2023-05-08", False)
hq = meta("headquarters", "PLC")
hq.update({"enterprise": enterprise("hq-ie", "中原进出口贸易有限公司", "functional_food"), "type": "import_export",
           "date": "2023-12-10", "agreementDate": "2023-03-01", "businessRegistered": True, "taxRegistered": True,
           "importExport": {"currency": "CNY", "amount": "35000000.00"},
           "annualOutput": {"currency": "CNY", "amount": "0.00"}, "localFiscal": {"currency": "CNY", "amount": "0.00"},
           "registeredCapital": {"currency": "CNY", "amount": "0.00"}, "paidInCapital": {"currency": "CNY", "amount": "0.00"},
           "evidence": [PDF]})
records.append(hq)

# ---- G2: EDS + FIN ------------------------------------------------------------------------------
for m in range(1, 13):
    for d in (5, 6, 7):
        lead("EDS", f"2023-{m:02d}-{d:02d}", person=1)
funds("FIN", "outside_province_rmb", 800000000, "2023-09-28")
p = project("EDS", "智能装备产业园", 500000000, "equipment_manufacturing")
milestone("EDS", p, "signed", "2023-11-02")
funds("FIN", "foreign_capital_increase_usd", 250000, "2023-06-01")
referral("EDS", "2023-04-10", True)
funds("FIN", "outside_province_rmb", 200000000, "2023-10-20", person=1, state="revoked",
      reason="到账凭证系伪造")

# ---- G3: ISB ------------------------------------------------------------------------------------
for m in range(1, 13):
    for d in (8, 9, 10, 11):
        lead("ISB", f"2023-{m:02d}-{d:02d}", person=1)
funds("ISB", "foreign_capital_usd", 6000000, "2023-05-15")
p = project("ISB", "外资功能食品项目", 300000000, "functional_food", foreign=True, provincial=True)
milestone("ISB", p, "signed", "2023-03-10")
milestone("ISB", p, "landed", "2023-08-20")
funds("ISB", "outside_province_rmb", 1600000000, "2023-04-30")
funds("ISB", "outside_province_rmb", 1600000000, "2023-12-20")
p = project("ISB", "50亿元精细化工一体化项目", 5000000000, "fine_chemicals", chemical=True, provincial=True)
milestone("ISB", p, "signed", "2023-06-28")
p = project("ISB", "12亿元专用化学品项目", 1200000000, "fine_chemicals", chemical=True)
milestone("ISB", p, "signed", "2023-09-15")
milestone("ISB", p, "landed", "2023-11-20")
ev = meta("signing_event", "ISB")
ev.update({"title": "新乡经开区主导产业重大项目集中签约活动", "date": "2023-06-28", "venue": "开发区管委会",
           "projects": [], "evidence": [PHOTO]})
records.append(ev)
trip("ISB", "上海", "2023-04-12", "2023-04-15", ["fine_chemicals"], 8)
trip("ISB", "深圳", "2023-10-09", "2023-10-12", ["intelligent_manufacturing"], 10)
visit = meta("visit", "ISB")
visit.update({"enterprise": enterprise("institute", "中国科学院某研究所", "new_materials"), "date": "2023-07-05",
              "purpose": "对接科研成果转化", "outcome": "达成合作意向", "notes": "", "attachments": [],
              "noCheckInReason": "在北京拜访，未在开发区企业现场", "institution": "national_research_institution"})
records.append(visit)
mp = meta("map_completion", "ISB")
mp.update({"date": "2023-12-15", "industries": ["fine_chemicals", "intelligent_manufacturing", "equipment_manufacturing",
                                                  "functional_food"], "notes": "四大主导产业链图谱", "evidence": [PDF]})
records.append(mp)
aw = meta("award", "ISB")
aw.update({"category": "fortune500", "points": "1", "reason": "引进世界500强企业区域采购中心，领导小组研究加1分",
           "date": "2023-12-01"})
records.append(aw)

# ---- G4: EEE ------------------------------------------------------------------------------------
for m in range(1, 7):
    for d in (12, 13, 14, 15):
        lead("EEE", f"2023-{m:02d}-{d:02d}")
lead("EEE", "2023-07-12", intention="")  # no stated intention: not a valuable lead
funds("EEE", "outside_province_rmb", 400000000, "2023-03-31")
funds("EEE", "outside_province_rmb", 400000000, "2023-04-01")
for i, date in enumerate(["2023-02-01", "2023-05-01", "2023-08-01"]):
    p = project("EEE", f"环保技改项目{i + 1}", 150000000, "fine_chemicals", upgrade=True, person=1)
    milestone("EEE", p, "started", date, person=1)
for m in range(1, 9):
    referral("EEE", f"2023-{m:02d}-20", True, person=1)
p = project("EEE", "新材料项目", 700000000, "new_materials")
milestone("EEE", p, "signed", "2023-09-01", state="submitted")  # not yet recognised

print(json.dumps({"v": 1, "scheme": "xxkfq-2023", "enterprises": enterprises, "people": people, "records": records},
                 ensure_ascii=False, indent=1))
