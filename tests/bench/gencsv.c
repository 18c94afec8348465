/* tests/bench/gencsv.c: test data for the import benchmark. Deterministic (fixed-seed
 * xorshift), realistic Chinese content, every row valid for --today 2025-06-30.
 *
 *	gencsv agencies FILE		the county's agencies (Chinese headers)
 *	gencsv litigation N FILE	N litigation cases, each with one hearing
 *
 * Dates come in the forms people type (mostly 2024-03-05, some 2024/3/5 and 2024年3月5日);
 * agencies by full name, a few by short name. No BOM: sqlite3's .import reads the same file. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static uint64_t rng = 0x9E3779B97F4A7C15ULL;

static uint32_t
rnd(void)
{
	rng ^= rng >> 12;
	rng ^= rng << 25;
	rng ^= rng >> 27;
	return (uint32_t)((rng * 2685821657736338717ULL) >> 32);
}

static int
between(int lo, int hi)
{
	return lo + (int)(rnd() % (uint32_t)(hi - lo + 1));
}

#define N_OF(a) (int)(sizeof(a) / sizeof((a)[0]))

static const char *const departments[][2] = {
	{ "县人民政府", "县政府" }, { "县发展和改革局", "县发改局" }, { "县教育局", "" },
	{ "县公安局", "" }, { "县民政局", "" }, { "县财政局", "" },
	{ "县人力资源和社会保障局", "县人社局" }, { "县自然资源和规划局", "县资规局" },
	{ "市生态环境局县分局", "县环保分局" }, { "县住房和城乡建设局", "县住建局" },
	{ "县交通运输局", "县交通局" }, { "县水利局", "" }, { "县农业农村局", "县农业局" },
	{ "县商务局", "" }, { "县文化广电旅游体育局", "县文广旅体局" },
	{ "县卫生健康局", "县卫健局" },
	{ "县退役军人事务局", "县退役军人局" }, { "县应急管理局", "县应急局" }, { "县审计局", "" },
	{ "县市场监督管理局", "县市监局" }, { "县医疗保障局", "县医保局" },
	{ "县城市管理综合行政执法局", "县综合执法局" }, { "县林业局", "" }, { "县统计局", "" },
	{ "县信访局", "" },
};
static const char *const townships[] = {
	"城关镇人民政府", "东城街道办事处", "西城街道办事处", "南湖街道办事处", "北山镇人民政府",
	"青石镇人民政府", "白沙镇人民政府", "桃源镇人民政府", "龙泉乡人民政府", "石门乡人民政府",
	"清河镇人民政府", "大坪乡人民政府", "黄岭镇人民政府", "柳溪乡人民政府", "新桥镇人民政府",
};
static const char *const surnames[] = { "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "周",
	"吴", "徐", "孙", "马", "朱", "胡", "郭", "何", "林", "罗", "高", "欧阳", "司马" };
static const char *const given[] = { "伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军",
	"洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀英", "桂兰", "建华", "志强", "海燕" };
static const char *const places[] = { "湖州", "德清", "长兴", "安吉", "吴兴", "南浔" };
static const char *const companies[] = { "有限公司", "建设工程有限公司", "贸易有限公司",
	"农业开发有限公司", "置业有限公司" };
static const char *const causes[] = { "行政处罚", "行政强制", "行政许可", "政府信息公开",
	"行政登记", "行政征收", "行政补偿", "不履行法定职责", "行政确认", "工伤认定",
	"房屋征收补偿决定", "土地行政复议及行政赔偿" };
static const char *const courts[] = { "德清县人民法院", "湖州市吴兴区人民法院",
	"湖州市南浔区人民法院", "长兴县人民法院", "安吉县人民法院", "湖州市中级人民法院" };
static const char *const outcomes[] = { "驳回诉讼请求", "驳回起诉", "撤诉", "调解和解", "撤销",
	"确认违法", "责令履行" };
static const char *const titles[] = { "局长", "副局长", "镇长", "副镇长", "主任", "副主任" };
static const char *const ranks[] = { "正职", "副职", "其他负责人", "工作人员", "律师" };
static const char *const reasons[] = { "法院书面通知负责人出庭", "涉及重大公共利益",
	"社会高度关注", "可能引发群体性事件" };

/* Days since 1970-01-01 to a civil date (Hinnant). */
static void
civil(long z, int *y, int *m, int *d)
{
	long era;
	long doe;
	long yoe;
	long doy;
	long mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	*y = (int)(yoe + era * 400);
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y += *m <= 2;
}

/* A date in one of the forms people type. */
static void
put_date(FILE *f, long days)
{
	int y;
	int m;
	int d;
	int form = between(0, 19);

	civil(days, &y, &m, &d);
	if (form == 0)
		fprintf(f, "%d/%d/%d", y, m, d);
	else if (form == 1)
		fprintf(f, "%d年%d月%d日", y, m, d);
	else
		fprintf(f, "%04d-%02d-%02d", y, m, d);
}

static void
put_person(FILE *f)
{
	fprintf(f, "%s%s", surnames[between(0, N_OF(surnames) - 1)],
	    given[between(0, N_OF(given) - 1)]);
}

static int
agencies(const char *path)
{
	FILE *f = fopen(path, "w");
	int i;

	if (f == NULL)
		return 1;
	fprintf(f, "机关名称,简称,代码,类别,上级机关,负责人\n");
	for (i = 0; i < N_OF(departments); i++) {
		fprintf(f, "%s,%s,DQ%04d,部门,,", departments[i][0], departments[i][1], i + 1);
		put_person(f);
		fputc('\n', f);
	}
	for (i = 0; i < N_OF(townships); i++) {
		fprintf(f, "%s,,DQT%04d,乡镇街道,县人民政府,", townships[i], i + 1);
		put_person(f);
		fputc('\n', f);
	}
	return fclose(f) != 0;
}

static void
put_agency(FILE *f)
{
	int n = N_OF(departments) + N_OF(townships);
	int i = between(0, n - 1);

	if (i < N_OF(departments)) {
		/* Now and then the short name, as people write it. */
		if (departments[i][1][0] != '\0' && between(0, 9) == 0)
			fputs(departments[i][1], f);
		else
			fputs(departments[i][0], f);
	} else {
		fputs(townships[i - N_OF(departments)], f);
	}
}

static int
litigation(long n, const char *path)
{
	/* 2015-01-01 .. 2025-06-30 as days since 1970. */
	const long first = 16436;
	const long today = 20269;
	FILE *f = fopen(path, "w");
	long i;

	if (f == NULL)
		return 1;
	fprintf(f, "案号,法院,被告机关,原告,案由,审级,立案日期,收到起诉状副本日期,提交答辩日期,"
	    "结果,结案日期,开庭日期,是否要求负责人出庭,要求出庭原因,出庭人,出庭人职务,"
	    "出庭人类别,是否出声\n");
	for (i = 0; i < n; i++) {
		long filed = between((int)first, (int)today - 40);
		long received = filed + between(1, 10);
		long hearing = received + between(20, 90);
		int y;
		int m;
		int d;
		int stage = between(0, 9);
		int rank = between(0, N_OF(ranks) - 1);
		int closed = hearing + 30 < today && between(0, 2) > 0;

		civil(filed, &y, &m, &d);
		fprintf(f, "(%d)浙05%02d行%s%ld号,%s,", y, 21 + (int)(i % 7),
		    stage < 7 ? "初" : stage < 9 ? "终" : "再", i + 1,
		    courts[between(0, N_OF(courts) - 1)]);
		put_agency(f);
		fputc(',', f);
		if (between(0, 3) == 0)
			fprintf(f, "\"%s%s%s\"", places[between(0, N_OF(places) - 1)],
			    surnames[between(0, N_OF(surnames) - 1)], companies[between(0,
			    N_OF(companies) - 1)]);
		else
			put_person(f);
		fprintf(f, ",%s,%s,", causes[between(0, N_OF(causes) - 1)],
		    stage < 7 ? "一审" : stage < 9 ? "二审" : "再审");
		put_date(f, filed);
		fputc(',', f);
		put_date(f, received);
		fputc(',', f);
		if (received + 15 < today && between(0, 9) > 0)
			put_date(f, received + between(3, 16));
		fputc(',', f);
		if (closed) {
			fprintf(f, "%s,", outcomes[between(0, N_OF(outcomes) - 1)]);
			put_date(f, hearing + between(10, 30));
		} else {
			fputc(',', f);
		}
		fputc(',', f);
		put_date(f, hearing);
		if (between(0, 2) == 0)
			fprintf(f, ",是,%s,", reasons[between(0, N_OF(reasons) - 1)]);
		else
			fputs(",否,,", f);
		put_person(f);
		fprintf(f, ",%s,%s,%s\n", rank < 3 ? titles[between(0, N_OF(titles) - 1)] :
		    rank == 3 ? "科员" : "律师", ranks[rank], rank < 3 && between(0, 1) ? "是" :
		    "否");
	}
	return fclose(f) != 0;
}

int
main(int argc, char **argv)
{
	if (argc == 3 && strcmp(argv[1], "agencies") == 0)
		return agencies(argv[2]);
	if (argc == 4 && strcmp(argv[1], "litigation") == 0)
		return litigation(strtol(argv[2], NULL, 10), argv[3]);
	fprintf(stderr, "usage: gencsv agencies FILE | gencsv litigation N FILE\n");
	return 2;
}
