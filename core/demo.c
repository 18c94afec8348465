/* core/demo.c: the demo data set. Deterministic (a fixed-seed generator) and relative to
 * today, so every screen has something true to show on any day a demo is run. */
#include "duban/demo.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "duban/buf.h"
#include "duban/calendar.h"
#include "duban/config.h"
#include "duban/db.h"
#include "duban/deadline.h"
#include "duban/err.h"
#include "duban/i18n.h"
#include "duban/record.h"

struct rng {
	uint64_t s;
};

static uint32_t
rnd(struct rng *r)
{
	/* xorshift64*: small, fast, and the same sequence on every machine. */
	r->s ^= r->s >> 12;
	r->s ^= r->s << 25;
	r->s ^= r->s >> 27;
	return (uint32_t)((r->s * 2685821657736338717ULL) >> 32);
}

static int
between(struct rng *r, int lo, int hi)
{
	return lo + (int)(rnd(r) % (uint32_t)(hi - lo + 1));
}

static bool
chance(struct rng *r, int percent)
{
	return (int)(rnd(r) % 100) < percent;
}

static const char *const departments[] = {
	"县人民政府", "县发展和改革局", "县教育局", "县公安局", "县民政局", "县财政局",
	"县人力资源和社会保障局", "县自然资源和规划局", "市生态环境局县分局",
	"县住房和城乡建设局", "县交通运输局", "县水利局", "县农业农村局", "县商务局",
	"县文化广电旅游体育局", "县卫生健康局", "县退役军人事务局", "县应急管理局",
	"县审计局", "县市场监督管理局", "县医疗保障局", "县城市管理综合行政执法局",
	"县林业局", "县统计局", "县信访局",
};

static const char *const townships[] = {
	"城关镇人民政府", "东城街道办事处", "西城街道办事处", "南湖街道办事处", "北山镇人民政府",
	"青石镇人民政府", "白沙镇人民政府", "桃源镇人民政府", "龙泉乡人民政府", "石门乡人民政府",
	"清河镇人民政府", "大坪乡人民政府", "黄岭镇人民政府", "柳溪乡人民政府", "新桥镇人民政府",
};

#define N_DEPT (int)(sizeof(departments) / sizeof(departments[0]))
#define N_TOWN (int)(sizeof(townships) / sizeof(townships[0]))
#define N_AGENCIES (N_DEPT + N_TOWN)

static const char *const surnames[] = { "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "周",
	"吴", "徐", "孙", "马", "朱", "胡", "郭", "何", "林", "罗", "高" };
static const char *const given[] = { "伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军",
	"洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀英", "桂兰", "建华", "志强", "海燕" };
static const char *const causes[] = { "行政处罚", "行政强制", "行政许可", "政府信息公开",
	"行政登记", "行政征收", "行政补偿", "不履行法定职责", "行政确认", "工伤认定" };
static const char *const companies[] = { "有限公司", "建设工程有限公司", "贸易有限公司",
	"农业开发有限公司", "置业有限公司" };

struct seeder {
	const struct record_env *env;
	struct rng rng;
	struct date today;
	int64_t agency_ids[N_AGENCIES];
	int appearance[N_AGENCIES];	/* percent chance a head appears: differs by agency */
	int weight[N_AGENCIES];		/* how often an agency is sued */
	int total_weight;
	char text[256];
	/* Cases created so far, for hearings placed later. */
	char cases[400][96];
	struct date filed[400];
	int case_agency[400];
	int n_cases;
};

static const char *
iso(struct date d, char out[DATE_ISO_LEN])
{
	return date_format(d, out);
}

static const char *
person(struct seeder *s)
{
	snprintf(s->text, sizeof(s->text), "%s%s", surnames[between(&s->rng, 0, 19)],
	    given[between(&s->rng, 0, 21)]);
	return s->text;
}

static int
set(const struct record_env *env, struct record *r, const char *field, const char *value,
    struct record_problems *p)
{
	int idx = record_field_idx(r->kind, field);

	if (idx < 0 || !record_input(env, r, idx, value, p))
		return DUBAN_EINPUT;
	return DUBAN_OK;
}

static int
set_date(const struct record_env *env, struct record *r, const char *field, struct date d,
    struct record_problems *p)
{
	char b[DATE_ISO_LEN];

	return set(env, r, field, iso(d, b), p);
}

static int
save(struct seeder *s, struct record *r, struct record_problems *p, struct duban_err *err)
{
	int rc = p->n > 0 ? duban_err_set(err, DUBAN_EINPUT, "%s", p->items[0].msg) :
	    record_save(s->env, r, 0, NULL, p, err);

	if (rc != DUBAN_OK)
		return duban_err_wrap(err, _("demo data, %s: "), r->kind->name);
	return DUBAN_OK;
}

static int
seed_agencies(struct seeder *s, struct duban_err *err)
{
	const struct kind_def *kind = record_kind("agency");
	int i;
	int rc = DUBAN_OK;

	for (i = 0; i < N_AGENCIES && rc == DUBAN_OK; i++) {
		struct record *r = record_new(kind);
		struct record_problems p;
		char code[16];
		const char *name = i < N_DEPT ? departments[i] : townships[i - N_DEPT];

		memset(&p, 0, sizeof(p));
		snprintf(code, sizeof(code), "%s%03d", i < N_DEPT ? "BM" : "XZ", i + 1);
		set(s->env, r, "name", name, &p);
		set(s->env, r, "code", code, &p);
		set(s->env, r, "kind", i < N_DEPT ? "department" : "township", &p);
		set(s->env, r, "head", person(s), &p);
		rc = save(s, r, &p, err);
		s->agency_ids[i] = r->id;
		/* Some agencies send their head nearly always, some rarely. */
		s->appearance[i] = 25 + (int)((i * 37) % 70);
		s->weight[i] = i == 3 || i == 7 || i == 9 || i == 19 || i == 21 ? 6 :
		    i == 0 ? 4 : i < N_DEPT ? 2 : 1;
		s->total_weight += s->weight[i];
		record_free(r);
	}
	return rc;
}

static int
pick_agency(struct seeder *s)
{
	int x = between(&s->rng, 0, s->total_weight - 1);
	int i;

	for (i = 0; i < N_AGENCIES; i++) {
		if (x < s->weight[i])
			return i;
		x -= s->weight[i];
	}
	return 0;
}

static struct date
clamp_past(struct seeder *s, struct date d)
{
	return date_cmp(d, s->today) > 0 ? s->today : d;
}

static struct date
due_of(struct seeder *s, const char *rule, struct date trigger)
{
	struct deadline_result res;

	if (deadline_compute(s->env->cfg->rules, s->env->cal, rule, trigger, NULL,
	    s->env->cfg->makeup_workdays, &res, NULL) != DUBAN_OK)
		return date_add_days(trigger, 15);
	return res.due;
}

static const char *
outcome(struct seeder *s)
{
	int x = between(&s->rng, 0, 99);

	return x < 52 ? "dismissed-claim" : x < 67 ? "withdrawn" : x < 72 ? "dismissed-suit" :
	    x < 84 ? "revoked" : x < 91 ? "illegal" : x < 96 ? "perform" : "settled";
}

/* One hearing; future ones are left without the appearance, as they would be. */
static int
seed_hearing(struct seeder *s, int agency, const char *case_no, struct date on, bool open,
    struct duban_err *err)
{
	struct record *r = record_new(record_kind("hearing"));
	struct record_problems p;
	bool required = open || chance(&s->rng, 35);
	int rc;

	memset(&p, 0, sizeof(p));
	set(s->env, r, "case_no", case_no, &p);
	set_date(s->env, r, "hearing_on", on, &p);
	set(s->env, r, "head_required", required ? "是" : "否", &p);
	if (required)
		set(s->env, r, "required_reason", chance(&s->rng, 50) ? "法院书面建议负责人出庭" :
		    "涉及重大公共利益", &p);
	if (!open && date_cmp(on, s->today) <= 0 &&
	    !(date_cmp(on, date_add_days(s->today, -10)) > 0 && chance(&s->rng, 40))) {
		int x = between(&s->rng, 0, 99);
		const char *rank;

		if (x < s->appearance[agency])
			rank = x % 3 == 0 ? "head" : x % 3 == 1 ? "deputy" : "other-leader";
		else if (x < 96)
			rank = "staff";
		else if (x < 98)
			rank = "lawyer";
		else
			rank = "none";
		set(s->env, r, "appearer_rank", rank, &p);
		if (strcmp(rank, "none") != 0)
			set(s->env, r, "appearer", person(s), &p);
		if (strcmp(rank, "head") == 0 || strcmp(rank, "deputy") == 0 ||
		    strcmp(rank, "other-leader") == 0) {
			set(s->env, r, "appearer_title", strcmp(rank, "head") == 0 ? "局长" : "副局长",
			    &p);
			set(s->env, r, "spoke", chance(&s->rng, 85) ? "是" : "否", &p);
		} else {
			set(s->env, r, "appearer_title", strcmp(rank, "lawyer") == 0 ? "律师" : "科员",
			    &p);
			if (required)
				set(s->env, r, "absence_explained", chance(&s->rng, 70) ? "是" : "否", &p);
		}
	}
	rc = save(s, r, &p, err);
	record_free(r);
	return rc;
}

/* Litigation: a case filed on `filed`; defence submitted unless still open. */
static int
seed_litigation(struct seeder *s, int n, struct date filed, struct date received_on,
    bool open_defence, struct duban_err *err)
{
	struct record *r = record_new(record_kind("litigation"));
	struct record_problems p;
	int agency = pick_agency(s);
	struct date received = date_is_none(received_on) ?
	    clamp_past(s, date_add_days(filed, between(&s->rng, 2, 7))) : received_on;
	struct date due = due_of(s, "litigation-defence", received);
	char case_no[96];
	char agname[16];
	int rc;

	memset(&p, 0, sizeof(p));
	snprintf(case_no, sizeof(case_no), "(%d)浙0521行初%d号", filed.y, n);
	snprintf(agname, sizeof(agname), "%lld", (long long)s->agency_ids[agency]);
	set(s->env, r, "case_no", case_no, &p);
	set(s->env, r, "court", chance(&s->rng, 80) ? "德清县人民法院" : "湖州市吴兴区人民法院", &p);
	record_set(r, record_field_idx(r->kind, "agency"), agname);
	if (chance(&s->rng, 25)) {
		char owner[64];

		snprintf(owner, sizeof(owner), "%s", person(s));
		snprintf(s->text, sizeof(s->text), "德清%s%s", owner,
		    companies[between(&s->rng, 0, 4)]);
		set(s->env, r, "plaintiff", s->text, &p);
	} else {
		set(s->env, r, "plaintiff", person(s), &p);
	}
	set(s->env, r, "cause", causes[between(&s->rng, 0, 9)], &p);
	set(s->env, r, "stage", chance(&s->rng, 85) ? "first" : "second", &p);
	set_date(s->env, r, "filed_on", filed, &p);
	set_date(s->env, r, "complaint_received_on", received, &p);
	if (!open_defence && date_cmp(due, s->today) < 0) {
		int x = between(&s->rng, 0, 99);

		if (x < 91) {
			struct date sub = date_add_days(received, between(&s->rng, 4, 14));

			if (date_cmp(sub, due) > 0)
				sub = due;
			if (x < 12) {
				/* Mailed on the last day, arriving later: on time all the same. */
				set(s->env, r, "defence_delivery", "mail", &p);
				set_date(s->env, r, "defence_mailed_on", sub, &p);
				sub = clamp_past(s, date_add_days(sub, 2));
			}
			set_date(s->env, r, "defence_submitted_on", sub, &p);
		} else if (x < 98) {
			set_date(s->env, r, "defence_submitted_on",
			    clamp_past(s, date_add_days(due, between(&s->rng, 1, 9))), &p);
		}
		/* else: never submitted (不举证) */
	}
	{
		struct date close = date_add_days(filed, between(&s->rng, 90, 200));

		if (date_cmp(close, s->today) < 0) {
			set(s->env, r, "outcome", outcome(s), &p);
			set_date(s->env, r, "closed_on", close, &p);
		}
	}
	rc = save(s, r, &p, err);
	record_free(r);
	if (rc == DUBAN_OK && s->n_cases < 400) {
		snprintf(s->cases[s->n_cases], sizeof(s->cases[0]), "%s", case_no);
		s->filed[s->n_cases] = filed;
		s->case_agency[s->n_cases] = agency;
		s->n_cases++;
	}
	if (rc == DUBAN_OK && date_cmp(date_add_days(filed, 30), date_add_days(s->today, 20)) < 0) {
		struct date on = date_add_days(filed, between(&s->rng, 35, 80));

		if (date_cmp(on, date_add_days(s->today, 25)) <= 0)
			rc = seed_hearing(s, agency, case_no, on, false, err);
		if (rc == DUBAN_OK && chance(&s->rng, 15) &&
		    date_cmp(date_add_days(on, 30), s->today) < 0)
			rc = seed_hearing(s, agency, case_no, date_add_days(on, between(&s->rng, 14, 30)),
			    false, err);
	}
	return rc;
}

static const char *
decision(struct seeder *s)
{
	int x = between(&s->rng, 0, 99);

	return x < 55 ? "upheld" : x < 68 ? "rejected" : x < 78 ? "terminated" : x < 87 ?
	    "revoked" : x < 92 ? "illegal" : x < 96 ? "perform" : "changed";
}

static int
seed_reconsideration(struct seeder *s, int n, struct date received, struct duban_err *err)
{
	struct record *r = record_new(record_kind("reconsideration"));
	struct record_problems p;
	int agency = pick_agency(s);
	bool simple = chance(&s->rng, 20) && received.y >= 2024;
	struct date accepted = date_add_days(received, between(&s->rng, 0, 5));
	struct date sent;
	struct date got;
	char no[96];
	char agname[16];
	int rc;

	memset(&p, 0, sizeof(p));
	snprintf(no, sizeof(no), "德政复〔%d〕%d号", received.y, n);
	snprintf(agname, sizeof(agname), "%lld", (long long)s->agency_ids[agency]);
	set(s->env, r, "case_no", no, &p);
	set(s->env, r, "applicant", person(s), &p);
	record_set(r, record_field_idx(r->kind, "agency"), agname);
	set(s->env, r, "act_type", causes[between(&s->rng, 0, 9)], &p);
	set_date(s->env, r, "received_on", received, &p);
	if (date_cmp(accepted, s->today) > 0)
		goto done;
	set_date(s->env, r, "accepted_on", accepted, &p);
	set(s->env, r, "simplified", simple ? "是" : "否", &p);
	sent = date_add_days(accepted, between(&s->rng, 1, 8));
	if (date_cmp(sent, s->today) > 0)
		goto done;
	set_date(s->env, r, "copy_sent_on", sent, &p);
	got = date_add_days(sent, between(&s->rng, 1, 3));
	if (date_cmp(got, s->today) > 0)
		goto done;
	set_date(s->env, r, "copy_received_on", got, &p);
	{
		struct date reply = date_add_days(got, between(&s->rng, 3, chance(&s->rng, 12) ? 20 :
		    12));

		if (date_cmp(reply, s->today) <= 0 && !chance(&s->rng, 1))
			set_date(s->env, r, "reply_on", reply, &p);
	}
	{
		bool extended = !simple && chance(&s->rng, 10);
		struct date decided = date_add_days(accepted, between(&s->rng, simple ? 15 : 30,
		    simple ? 29 : extended ? 85 : 60));

		if (extended)
			set(s->env, r, "extended", "是", &p);
		if (date_cmp(decided, s->today) < 0) {
			set_date(s->env, r, "decided_on", decided, &p);
			set(s->env, r, "decision", decision(s), &p);
		}
	}
done:
	rc = save(s, r, &p, err);
	record_free(r);
	return rc;
}

/* Work rules filed with the legal office (制度备案): most on time, one late, one not yet
 * filed and overdue, one just in effect. Without the generator, so the other records stay
 * what they were. */
static int
seed_filings(struct seeder *s, struct duban_err *err)
{
	static const char *const titles[] = { "行政执法公示制度", "执法全过程记录制度",
		"重大行政执法决定法制审核制度", "行政执法案卷评查制度", "行政执法人员培训制度",
		"行政执法投诉举报制度", "行政裁量权基准制度", "行政执法过错责任追究制度" };
	static const int ago[] = { 200, 160, 120, 90, 60, 45, 25, 3 };
	static const int took[] = { 6, 10, 14, 30, 9, 12, -1, -1 };
	int rc = DUBAN_OK;
	int i;

	for (i = 0; i < 8 && rc == DUBAN_OK; i++) {
		struct record *r = record_new(record_kind("filing"));
		struct record_problems p;
		struct date on = date_add_days(s->today, -ago[i]);
		char ag[24];

		memset(&p, 0, sizeof(p));
		snprintf(ag, sizeof(ag), "%lld", (long long)s->agency_ids[(i * 3) % N_AGENCIES]);
		record_set(r, record_field_idx(r->kind, "agency"), ag);
		set(s->env, r, "title", titles[i], &p);
		set_date(s->env, r, "effective_on", on, &p);
		if (took[i] >= 0)
			set_date(s->env, r, "filed_on", clamp_past(s, date_add_days(on, took[i])), &p);
		rc = save(s, r, &p, err);
		record_free(r);
	}
	return rc;
}

/* Enforcement decisions and their publicity (执法决定公示): penalties and licences due in 7
 * working days, others in 20; most published in time, one late, one taken down after the
 * decision was revoked, one overdue and two still open. Without the generator. */
static int
seed_publicity(struct seeder *s, struct duban_err *err)
{
	static const struct {
		const char *kind;
		int ago;	/* decided this many days before today */
		int took;	/* published this many days after; -1: not yet */
		int withdrawn;	/* taken down this many days after publishing; -1: not */
	} d[] = {
		{ "penalty", 90, 3, -1 }, { "licence", 75, 5, -1 }, { "inspection", 60, 20, -1 },
		{ "penalty", 45, 6, 30 }, { "coercion", 40, 12, -1 }, { "penalty", 30, 15, -1 },
		{ "licence", 18, -1, -1 }, { "inspection", 10, -1, -1 }, { "penalty", 2, -1, -1 },
	};
	static const char *const prefixes[] = { "德市监罚", "德市监许", "德应急检", "德市监罚",
		"德公强", "德交罚", "德住建许", "德生环检", "德综执罚" };
	int rc = DUBAN_OK;
	size_t i;

	for (i = 0; i < sizeof(d) / sizeof(d[0]) && rc == DUBAN_OK; i++) {
		struct record *r = record_new(record_kind("publicity"));
		struct record_problems p;
		struct date on = date_add_days(s->today, -d[i].ago);
		char no[96];
		char ag[24];

		memset(&p, 0, sizeof(p));
		snprintf(no, sizeof(no), "%s〔%d〕%zu号", prefixes[i], on.y, 10 + i * 7);
		snprintf(ag, sizeof(ag), "%lld",
		    (long long)s->agency_ids[(i * 5 + 1) % N_AGENCIES]);
		set(s->env, r, "decision_no", no, &p);
		record_set(r, record_field_idx(r->kind, "agency"), ag);
		set(s->env, r, "kind", d[i].kind, &p);
		set(s->env, r, "party", person(s), &p);
		set_date(s->env, r, "decided_on", on, &p);
		if (d[i].took >= 0) {
			struct date pub = clamp_past(s, date_add_days(on, d[i].took));

			set_date(s->env, r, "published_on", pub, &p);
			set(s->env, r, "published_where", "德清县人民政府门户网站", &p);
			if (d[i].withdrawn >= 0)
				set_date(s->env, r, "withdrawn_on",
				    clamp_past(s, date_add_days(pub, d[i].withdrawn)), &p);
		}
		rc = save(s, r, &p, err);
		record_free(r);
	}
	return rc;
}

/* Case-file reviews (案卷评查): graded files, two found wanting with a notice; one
 * rectification reported in time, one overdue, one still open. Without the generator. */
static int
seed_reviews(struct seeder *s, struct duban_err *err)
{
	static const struct {
		const char *grade;
		const char *source;
		int ago;	/* reviewed this many days before today */
		int due;	/* rectification due this many days after the notice; -1: none */
		int reported;	/* reported this many days after the notice; -1: not yet */
	} v[] = {
		{ "pass", "routine", 150, -1, -1 }, { "excellent", "routine", 120, -1, -1 },
		{ "fail", "court", 100, 30, 25 }, { "fail", "reconsideration", 40, 30, -1 },
		{ "pass", "routine", 20, 30, -1 },
	};
	int rc = DUBAN_OK;
	size_t i;

	for (i = 0; i < sizeof(v) / sizeof(v[0]) && rc == DUBAN_OK; i++) {
		struct record *r = record_new(record_kind("review"));
		struct record_problems p;
		struct date on = date_add_days(s->today, -v[i].ago);
		struct date notice = date_add_days(on, 3);
		char ref[96];
		char no[96];
		char ag[24];

		memset(&p, 0, sizeof(p));
		snprintf(ref, sizeof(ref), "德执案〔%d〕%zu号", on.y, 100 + i * 13);
		snprintf(ag, sizeof(ag), "%lld",
		    (long long)s->agency_ids[(i * 4 + 2) % N_AGENCIES]);
		record_set(r, record_field_idx(r->kind, "agency"), ag);
		set(s->env, r, "case_ref", ref, &p);
		set(s->env, r, "source", v[i].source, &p);
		set_date(s->env, r, "reviewed_on", on, &p);
		set(s->env, r, "grade", v[i].grade, &p);
		if (v[i].due >= 0) {
			snprintf(no, sizeof(no), "德司执监〔%d〕%zu号", notice.y, i + 1);
			set(s->env, r, "problems", "未告知陈述、申辩权利；文书送达回证缺失", &p);
			set(s->env, r, "notice_no", no, &p);
			set_date(s->env, r, "notice_on", notice, &p);
			set_date(s->env, r, "rectify_due_on", date_add_days(notice, v[i].due), &p);
			if (v[i].reported >= 0)
				set_date(s->env, r, "reported_on",
				    clamp_past(s, date_add_days(notice, v[i].reported)), &p);
		}
		rc = save(s, r, &p, err);
		record_free(r);
	}
	return rc;
}

/* Enforcement officers and their certificates: most valid for a while yet, one expiring in a
 * few days, one expired but still recorded valid, one suspended, one without a certificate.
 * Names from the generator, after every other record. */
static int
seed_officers(struct seeder *s, struct duban_err *err)
{
	static const struct {
		const char *state;
		int valid;	/* valid until this many days from today */
		bool established;
	} o[] = {
		{ "valid", 400, true }, { "valid", 700, true }, { "valid", 3, true },
		{ "valid", -5, true }, { "suspended", 300, true }, { "", 0, true },
		{ "valid", 900, false }, { "valid", 500, true },
	};
	int rc = DUBAN_OK;
	size_t i;

	for (i = 0; i < sizeof(o) / sizeof(o[0]) && rc == DUBAN_OK; i++) {
		struct record *r = record_new(record_kind("officer"));
		struct record_problems p;
		char cert[32];
		char ag[24];
		char name[64];
		int k;

		memset(&p, 0, sizeof(p));
		snprintf(ag, sizeof(ag), "%lld", (long long)s->agency_ids[(i / 2) % N_AGENCIES]);
		record_set(r, record_field_idx(r->kind, "agency"), ag);
		snprintf(name, sizeof(name), "%s", person(s));
		set(s->env, r, "name", name, &p);
		set(s->env, r, "post", "执法队员", &p);
		set(s->env, r, "on_establishment", o[i].established ? "1" : "0", &p);
		if (o[i].state[0] != '\0') {
			struct date until = date_add_days(s->today, o[i].valid);

			snprintf(cert, sizeof(cert), "浙D%06zu", 100231 + i * 37);
			set(s->env, r, "cert_no", cert, &p);
			set(s->env, r, "state", o[i].state, &p);
			set(s->env, r, "category", "市场监管", &p);
			set_date(s->env, r, "issued_on", date_add_days(until, -1095), &p);
			set_date(s->env, r, "valid_until", until, &p);
		}
		rc = save(s, r, &p, err);
		record_free(r);
		/* This year's training: every third officer reaches the year's hours. */
		for (k = 0; k < (i % 3 == 0 ? 4 : 2) && rc == DUBAN_OK; k++) {
			static const char *const topics[] = { "行政处罚法", "行政许可法", "执法文书制作",
				"执法全过程记录" };
			struct date on = date_add_days(s->today, -(20 + 30 * k));
			char hours[8];

			if (on.y != s->today.y)
				break;
			r = record_new(record_kind("training"));
			memset(&p, 0, sizeof(p));
			record_set(r, record_field_idx(r->kind, "agency"), ag);
			set(s->env, r, "officer", name, &p);
			set_date(s->env, r, "trained_on", on, &p);
			set(s->env, r, "topic", topics[k], &p);
			snprintf(hours, sizeof(hours), "%d", i % 3 == 0 ? 16 : 12);
			set(s->env, r, "hours", hours, &p);
			set(s->env, r, "organiser", "县司法局", &p);
			rc = save(s, r, &p, err);
			record_free(r);
		}
	}
	return rc;
}

static int
seed_suggestion(struct seeder *s, int n, struct date received, bool open,
    struct duban_err *err)
{
	struct record *r = record_new(record_kind("suggestion"));
	struct record_problems p;
	int agency = pick_agency(s);
	bool judicial = chance(&s->rng, 70);
	char no[96];
	char agname[16];
	int rc;

	memset(&p, 0, sizeof(p));
	if (judicial)
		snprintf(no, sizeof(no), "德法建〔%d〕%d号", received.y, n);
	else
		snprintf(no, sizeof(no), "德检行建〔%d〕%d号", received.y, n);
	snprintf(agname, sizeof(agname), "%lld", (long long)s->agency_ids[agency]);
	set(s->env, r, "doc_no", no, &p);
	set(s->env, r, "kind", judicial ? "judicial" : "procuratorial", &p);
	set(s->env, r, "issuer", judicial ? "德清县人民法院" : "德清县人民检察院", &p);
	record_set(r, record_field_idx(r->kind, "agency"), agname);
	set_date(s->env, r, "received_on", received, &p);
	if (chance(&s->rng, 15)) {
		set(s->env, r, "period_length", "1", &p);
		set(s->env, r, "period_unit", "months", &p);
	}
	{
		struct date replied = date_add_days(received, between(&s->rng, 8, chance(&s->rng, 15) ?
		    75 : 28));

		if (!open && date_cmp(replied, s->today) <= 0) {
			set_date(s->env, r, "replied_on", replied, &p);
			if (chance(&s->rng, 85))
				set_date(s->env, r, "reported_on", clamp_past(s, date_add_days(replied,
				    between(&s->rng, 0, 5))), &p);
			set(s->env, r, "summary", "已制定整改方案，完善执法程序，加强执法人员培训。", &p);
		}
	}
	rc = save(s, r, &p, err);
	record_free(r);
	return rc;
}

/* Received date whose defence falls due exactly on target (rolled over rest days), so the
 * dashboard always has "due today" to show. */
static struct date
received_for_due(struct seeder *s, struct date target)
{
	int k;

	for (k = 10; k <= 30; k++) {
		struct date r = date_add_days(target, -k);

		if (date_eq(due_of(s, "litigation-defence", r), target))
			return r;
	}
	return date_add_days(target, -15);
}

int
demo_seed(const struct record_env *env, struct duban_err *err)
{
	struct seeder s;
	struct date start;
	int rc;
	int n;
	int i;

	memset(&s, 0, sizeof(s));
	s.env = env;
	s.rng.s = 0x9E3779B97F4A7C15ULL;
	s.today = env->today;
	start = date_add_days(s.today, -3 * 365);
	rc = db_begin(env->db, err);
	if (rc == DUBAN_OK)
		rc = seed_agencies(&s, err);
	/* Three years of litigation, roughly 120 a year. */
	for (n = 1, i = 0; i < 360 && rc == DUBAN_OK; i++) {
		struct date filed = date_add_days(start, i * 3 + between(&s.rng, 0, 2));

		if (date_cmp(filed, date_add_days(s.today, -3)) > 0)
			break;
		rc = seed_litigation(&s, n++, filed, date_none(),
		    date_cmp(filed, date_add_days(s.today, -20)) > 0 && chance(&s.rng, 60), err);
	}
	/* Open defences around today: overdue, due today, due soon. */
	for (i = 0; i < 4 && rc == DUBAN_OK; i++) {
		static const int back[] = { 3, 1, 0, 0 };
		struct date target = date_add_days(s.today, -back[i]);
		struct date recv = received_for_due(&s, target);

		rc = seed_litigation(&s, n++, date_add_days(recv, -2), recv, true, err);
	}
	for (n = 1, i = 0; i < 300 && rc == DUBAN_OK; i++) {
		struct date received = date_add_days(start, i * 4 + between(&s.rng, 0, 3));

		if (date_cmp(received, s.today) > 0)
			break;
		rc = seed_reconsideration(&s, n++, received, err);
	}
	for (n = 1, i = 0; i < 60 && rc == DUBAN_OK; i++) {
		struct date received = date_add_days(start, i * 18 + between(&s.rng, 0, 10));

		if (date_cmp(received, s.today) > 0)
			break;
		rc = seed_suggestion(&s, n++, received, false, err);
	}
	/* Manual assessment items for the complete years: case-file review grades, the share of
	 * officers holding enforcement certificates, training hours. */
	for (i = 0; i < N_AGENCIES * 3 && rc == DUBAN_OK; i++) {
		static const char *const grades[] = { "优秀", "良好", "良好", "合格", "合格", "不合格" };
		int year = s.today.y - 3 + i / N_AGENCIES;
		int a = i % N_AGENCIES;
		char y[16];
		char ag[24];
		char num[16];
		const char *item[3] = { "案卷评查", "持证率", "培训学时" };
		int k;

		snprintf(y, sizeof(y), "%d", year);
		snprintf(ag, sizeof(ag), "%lld", (long long)s.agency_ids[a]);
		for (k = 0; k < 3 && rc == DUBAN_OK; k++) {
			struct record *r = record_new(record_kind("assessment-item"));
			struct record_problems p;

			memset(&p, 0, sizeof(p));
			set(env, r, "year", y, &p);
			record_set(r, record_field_idx(r->kind, "agency"), ag);
			set(env, r, "item", item[k], &p);
			if (k == 0)
				snprintf(num, sizeof(num), "%s", grades[between(&s.rng, 0, 5)]);
			else if (k == 1)
				snprintf(num, sizeof(num), "%d", between(&s.rng, 82, 100));
			else
				snprintf(num, sizeof(num), "%d", between(&s.rng, 8, 40));
			set(env, r, "score", num, &p);
			rc = save(&s, r, &p, err);
			record_free(r);
		}
	}
	/* Suggestions still unanswered: one long overdue, one due in a few days. */
	if (rc == DUBAN_OK)
		rc = seed_suggestion(&s, n++, date_add_days(s.today, -41), true, err);
	if (rc == DUBAN_OK)
		rc = seed_suggestion(&s, n++, date_add_days(s.today, -28), true, err);
	/* Hearings the head must attend: one missed record, today, and in the next days. */
	for (i = 0, n = 0; n < 4 && i < s.n_cases && rc == DUBAN_OK; i++) {
		static const int ahead[] = { -2, 0, 1, 2 };
		struct date on = date_add_days(s.today, ahead[n]);
		int64_t age = date_diff_days(s.filed[i], s.today);

		/* Cases filed two to four months ago have hearings about now. */
		if (age < 60 || age > 120 || i % 3 != 0)
			continue;
		while (ahead[n] > 0 && !calendar_is_working_day(env->cal, on, true))
			on = date_add_days(on, 1);
		rc = seed_hearing(&s, s.case_agency[i], s.cases[i], on, true, err);
		n++;
	}
	if (rc == DUBAN_OK)
		rc = seed_filings(&s, err);
	if (rc == DUBAN_OK)
		rc = seed_publicity(&s, err);
	if (rc == DUBAN_OK)
		rc = seed_reviews(&s, err);
	if (rc == DUBAN_OK)
		rc = seed_officers(&s, err);
	return db_end(env->db, rc, err);
}
