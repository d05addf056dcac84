#!/usr/bin/env python3
"""Builds seeds/scenarios/aws-2026-q1.json from ../shared/reference/catalog-sources.json (the "financials" and
"power" sections) and the claims of the seed article (../shared/seed/*.txt). Run from the repository root:

    python3 seeds/scenarios/generate_seed.py [path-to-shared]

Every figure keeps the reference file's value verbatim (US$ billions or millions as the field name says), its
_source, _as_of and _note; a null stays null with its note. The basis is read from the note (DERIVED -> derived,
DERIVED/APPROX -> approximate). Nothing here computes or estimates a number.
"""
import json, os, sys
from collections import OrderedDict
SHARED = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "..", "..", "shared")
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "aws-2026-q1.json")
ref = json.load(open(os.path.join(SHARED, 'reference', 'catalog-sources.json'), encoding='utf-8'))
fin = [r for r in ref['financials'] if r.get('company') == 'Amazon']

def basis_of(note):
    if not note: return 'reported'
    n = note.upper()
    if n.startswith('DERIVED/APPROX') or 'APPROX' in n.split(':')[0]: return 'approximate'
    if n.startswith('DERIVED'): return 'derived'
    if n.startswith('~'): return 'approximate'
    return 'reported'

def fig(r, key, unit, basis=None, as_of_override=None):
    if key not in r:
        return OrderedDict([('value', None), ('unit', unit), ('note', 'not in the reference data (../shared/reference/catalog-sources.json)')])
    v = r[key]
    note = r.get(key + '_note')
    o = OrderedDict()
    o['value'] = v
    o['unit'] = unit
    if v is not None:
        o['source'] = r[key + '_source']
        a = r[key + '_as_of']
        o['asOf'] = as_of_override or a
        o['basis'] = basis or basis_of(note)
    if note: o['note'] = note
    if v is None and not note: o['note'] = 'not found in any source read'
    return o

QMAP = [
 ('segmentRevenue','aws_revenue_usd_bn','billions'),
 ('segmentRevenueGrowthYoY','aws_revenue_growth_yoy_pct','percent'),
 ('segmentOperatingIncome','aws_operating_income_usd_bn','billions'),
 ('netSales','net_sales_usd_bn','billions'),
 ('operatingIncome','operating_income_usd_bn','billions'),
 ('operatingCashFlowTtm','operating_cash_flow_ttm_usd_bn','billions'),
 ('freeCashFlowTtm','free_cash_flow_ttm_usd_bn','billions'),
 ('purchasesOfPropertyAndEquipment','purchases_of_property_and_equipment_q_usd_mn','millions'),
 ('netCapitalExpenditures','cash_capex_net_q_usd_bn','billions'),
 ('backlog','aws_backlog_usd_bn','billions'),
 ('backlogWeightedAverageRemainingLife','aws_backlog_weighted_avg_remaining_life_years','years'),
]
OTHER = [('acceleratedDepreciationEarlyRetirement','accelerated_depreciation_early_retirement_q_usd_bn','billions'),
         ('specialCharges','special_charges_q_usd_bn','billions')]
quarters = []
for r in fin:
    if r['record_type'] != 'quarterly': continue
    q = OrderedDict()
    q['period'] = r['period']; q['periodEnd'] = r['period_end']; q['reportDate'] = r['report_date']
    for name, key, unit in QMAP:
        q[name] = fig(r, key, unit)
    # Q1-2026 net capex conflict stays "reported" with the note.
    others = OrderedDict()
    for name, key, unit in OTHER:
        if key in r: others[name] = fig(r, key, unit)
    if others: q['otherFigures'] = others
    quarters.append(q)

YMAP = [
 ('segmentRevenue','aws_revenue_usd_bn','billions'),
 ('segmentOperatingIncome','aws_operating_income_usd_bn','billions'),
 ('operatingCashFlow','operating_cash_flow_usd_mn','millions'),
 ('purchasesOfPropertyAndEquipment','purchases_of_property_and_equipment_usd_mn','millions'),
 ('proceedsFromPropertyAndEquipmentSalesAndIncentives','proceeds_from_pe_sales_and_incentives_usd_mn','millions'),
 ('freeCashFlow','free_cash_flow_usd_mn','millions'),
 ('depreciationAndAmortization','depreciation_and_amortization_usd_mn','millions'),
 ('capexGuidanceNextYear','capex_guidance_next_year_usd_bn','billions'),
]
years = []
for r in fin:
    if r['record_type'] != 'annual': continue
    y = OrderedDict(); y['period'] = r['period']
    for name, key, unit in YMAP:
        if name == 'capexGuidanceNextYear' and key not in r: continue
        f = fig(r, key, unit)
        if name == 'capexGuidanceNextYear' and f['value'] is not None: f['basis'] = 'approximate'
        y[name] = f
    for name in ['principalRepaymentsOfFinanceLeases','principalRepaymentsOfFinancingObligations','propertyAndEquipmentAcquiredUnderEquipmentFinanceLeases','principalRepaymentsOfOtherFinanceLeases']:
        y[name] = OrderedDict([('value', None), ('unit', 'millions'), ('note', 'not in the reference data: needed for Amazon\'s second and third free-cash-flow definitions')])
    years.append(y)

def change(r):
    c = OrderedDict(); c['effective'] = r['effective']
    c['fromYears'] = fig(r, 'useful_life_from_years', 'years')
    c['toYears'] = fig(r, 'useful_life_to_years', 'years')
    return c
pol = [r for r in fin if r['record_type'] == 'depreciation_policy']
servers = [change(r) for r in pol if r['asset_class'] == 'servers']
subset = [change(r) for r in pol if r['asset_class'] != 'servers']
policies = [
  OrderedDict([('id','amazon-servers'),('assetClass','servers'),('changes', servers),
    ('note','Amazon servers: 3 -> 4 years (2020), 4 -> 5 (2022), 5 -> 6 (2024). Networking equipment went 5 -> 6 on 2022-01-01 and is not modelled separately.')]),
  OrderedDict([('id','amazon-servers-subset-2025'),('assetClass','subset of servers and networking equipment'),('changes', servers + subset),
    ('note','MODELLING ASSUMPTION: before 2025 this subset is taken to follow the server lives (the reference gives only its 6 -> 5 change effective 2025-01-01). The 10-K also reports early retirements (~$920M accelerated depreciation in Q4-2024), which are not a life change and are not modelled here.')]),
]
q126 = [r for r in fin if r.get('period') == 'Q1-2026'][0]
additions = [OrderedDict([
  ('id','anthropic-commitment'),
  ('description','Anthropic commitment announced after Q1-2026 and excluded from the reported $364B backlog'),
  ('afterPeriod','Q1-2026'),
  # Dated by its announcement (issue 16: it was dated 2026-03-31, inside the quarter it followed): Anthropic's post of
  # 2026-04-20, as reported by the page cited below (read 2026-12-05); the Q1-2026 sources cite the amount.
  ('amount', OrderedDict([('value',100),('unit','billions'),('source', q126['aws_backlog_usd_bn_source'] + ' ; https://open-techstack.com/blog/anthropic-amazon-aws-compute-deal-2026/ (announcement date)'),('asOf', '2026-04-20'),('basis','lowerBound'),
     ('note','reported as ">$100B" over ten years: a lower bound. Announced by Anthropic on 2026-04-20 (after the quarter that ended 2026-03-31, before the Q1-2026 call that excluded it from the $364B backlog); the exact amount is not published')]))])]

ART = "seed article 'AWS Booms but Amazon's Cash Flow Vanishes on AI Capex' (AI news aggregator; original source Huxiu), ../shared/seed/"
def claim(id, text, value, unit, metric, note, basis='reported'):
    c = OrderedDict(); c['id'] = id; c['text'] = text
    if value is not None:
        c['value'] = OrderedDict([('value', value), ('unit', unit), ('source', ART), ('asOf','2026-03-31'), ('basis', basis), ('note','as-of is the quarter the article speaks for; its publication date is not given')])
    c['claimedMetric'] = metric; c['period'] = 'Q1-2026'
    if note: c['note'] = note
    return c
claims = [
 claim('aws-revenue','AWS Q1 revenue $37.6B', 37.6, 'billions', 'segmentRevenue', None),
 claim('aws-growth','up 28%', 28, 'percent', 'segmentRevenueGrowthYoY', None),
 claim('aws-operating-profit','operating profit $23.9B', 23.9, 'billions', 'segmentOperatingIncome', 'presented as AWS operating profit'),
 claim('ai-capex-ttm','AWS FCF wiped by $151B AI capex', 151, 'billions', 'netCapexTtm', 'twelve-month capex; the article does not say gross or net, nor how much is AI. An UNVERIFIED reconciliation: if the conflicting $44.2B Q1-2026 figure (see the Q1-2026 net capex note) were gross purchases, FY2025 gross 131.819 - Q1-2025 gross 25.019 + 44.2 = 151.0'),
 claim('fcf-wiped','AWS FCF wiped', None, None, 'freeCashFlowTtm', 'qualitative; Amazon reports free cash flow for the company only, not for AWS'),
 claim('backlog','backlog $464B+', 464, 'billions', 'segmentBacklogWithAdditions', None, basis='lowerBound'),
 claim('industry-capex','7000B$ industry capex', 7000, 'billions', 'notModelled', 'no source in the reference data'),
 claim('custom-silicon-cost','custom silicon reduced inference costs by approximately 40% compared to equivalent GPU-based instances', 40, 'percent', 'notModelled', 'checked by the token-cost comparison (CloudEconomics.Inference), not by the capital model'),
]

# assumptions
pw = {r['name']: r for r in ref['power']}
pue = pw['AWS global fleet 2025']; el = pw['US industrial average retail price 2025 (mean of monthly values)']
assumptions = OrderedDict([
 ('asOf','2026-07-20'),
 ('note','Inputs for the token-cost, catalog and power parts of the report (wired by the report, not used by the capital calculations). Null = not set: the report uses the documented default of the part that needs it.'),
 ('tokenCost', OrderedDict([('modelId','llama-3.1-70b'),('customSiliconInstance','trn2.48xlarge'),('gpuInstance','p5.48xlarge'),('region','us-east-1'),
     ('utilization', OrderedDict([('value',None),('unit','ratio'),('basis','assumption'),('note','not set: a user assumption in (0, 1]')]))])),
 ('catalog', OrderedDict([('priceAsOf','2026-07-20'),('region','us-east-1'),('instances',['trn1.32xlarge','trn2.48xlarge','inf2.48xlarge','p5.48xlarge','p5en.48xlarge']),('commitmentInstance','trn2.48xlarge'),
     ('expectedUtilization', OrderedDict([('value',None),('unit','ratio'),('basis','assumption'),('note','not set: a user assumption in (0, 1]')]))])),
 ('power', OrderedDict([
     ('pue', OrderedDict([('value', pue['pue']),('unit','ratio'),('source',pue['pue_source']),('asOf','2025-12-31'),('basis','reported'),('note',"AWS global fleet 2025; reference as-of '2025' (calendar year)")])),
     ('electricityPrice', OrderedDict([('value', el['usd_per_kwh']),('unit','currencyPerKilowattHour'),('source',el['usd_per_kwh_source']),('asOf','2025-12-31'),('basis','derived'),('note',"US industrial average 2025; reference as-of '2025'; " + el['usd_per_kwh_note'])])),
 ])),
])

doc = OrderedDict([
 ('$schema','./scenario.schema.json'),
 ('id','aws-2026-q1'),
 ('title','AWS booms, Amazon free cash flow vanishes on AI capex (Q1 2026)'),
 ('description','Amazon and AWS reported quarters Q1-2024 to Q1-2026 and fiscal years 2024-2025 from ../shared/reference/catalog-sources.json (financials), with depreciation-policy changes, the post-quarter Anthropic backlog addition and the seed article\'s claims. Money in US$ billions or millions as the source gives it; null = not found in any source read.'),
 ('asOf','2026-11-29'),
 ('currency','USD'),
 ('company', OrderedDict([('name','Amazon'),('segment','AWS'),('fiscalYearStartMonth',1)])),
 ('latestQuarter','Q1-2026'),
 ('quarters', quarters),
 ('fiscalYears', years),
 ('depreciationPolicies', policies),
 ('backlogAdditions', additions),
 ('articleClaims', claims),
 ('assumptions', assumptions),
])
# Confidence of every known figure (issue 16), from what its source is: the company's own release (Business Wire and its
# syndications) or SEC filing pages are vendor; press, analysts and aggregators are secondary; an estimate or an
# assumption is estimate.
VENDOR = ('https://business.pawtuckettimes.com/', 'https://business.ridgwayrecord.com/', 'https://markets.financialcontent.com/',
          'https://markets.ft.com/', 'https://markets.ft.markitdigital.com/', 'https://wbnstv.marketminute.com/article/bizwire',
          'https://www.businesswirenews.com/', 'https://www.finanznachrichten.de/', 'https://d18rn0p25nwr6d.cloudfront.net/CIK-0001018724/',
          'https://sustainability.aboutamazon.com/')
def add_confidence(x):
    if isinstance(x, dict):
        if 'unit' in x and 'value' in x:
            if x.get('value') is not None and 'confidence' not in x:
                c = 'estimate' if x.get('basis') in ('estimate', 'assumption') else 'vendor' if (x.get('source') or '').startswith(VENDOR) else 'secondary'
                items = list(x.items()); x.clear()
                for k, v in items:
                    x[k] = v
                    if k == 'asOf': x['confidence'] = c
                x.setdefault('confidence', c)
            return
        for v in x.values(): add_confidence(v)
    elif isinstance(x, list):
        for v in x: add_confidence(v)
add_confidence(doc)
s = json.dumps(doc, indent=2, ensure_ascii=False)
open(OUT, 'w', encoding='utf-8').write(s + '\n')
print('wrote', OUT)
