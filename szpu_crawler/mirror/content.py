"""The mirror's articles: what each page says, and which of the site's page variants it shows.

Texts are our own writing, except the seed article (1162/2433), which reproduces a real page.
Bodies are lists of blocks; `build.py` renders them the way the CMS does.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class P:
    """A body paragraph."""

    text: str


@dataclass(frozen=True)
class Heading:
    """A short bold subheading between paragraphs."""

    text: str


@dataclass(frozen=True)
class Image:
    """A photo, with the caption line the CMS puts under it."""

    file: str
    caption: str | None = None
    alt: str | None = None


@dataclass(frozen=True)
class Byline:
    """A closing line: `(Department, Reporter)`, `Translated by …`."""

    text: str


@dataclass(frozen=True)
class Raw:
    """HTML written as is, for the CMS's odder markup."""

    html: str


Block = P | Heading | Image | Byline | Raw


@dataclass(frozen=True)
class Attachment:
    name: str
    file_id: str


@dataclass(frozen=True)
class MirrorArticle:
    column_id: str
    article_id: str
    title: str
    published: str  # "YYYY-MM-DD HH:MM", the CMS's PubDate
    body: tuple[Block, ...]
    template: str = "current"  # current (2023-), time (2021-2022), legacy (2016)
    meta_tags: bool = True
    subtitles: tuple[str, ...] = ()
    title_byline: str | None = None
    source_stamp: str | None = None
    attachments: tuple[Attachment, ...] = ()
    list_date: str | None = None  # when the list page prints another date than the page
    list_href: str | None = None  # when the list page links it another way (alias host)
    content_source: str = "Shenzhen Polytechnic University"
    extra_head: tuple[str, ...] = field(default=())

    @property
    def path(self) -> str:
        return f"/info/{self.column_id}/{self.article_id}.htm"


SEED = MirrorArticle(
    column_id="1162",
    article_id="2433",
    title=(
        "SZPU Invited to Attend the 2024 World Vocational and Technical Education Development "
        "Conference and Joins the World Vocational and Technical Education Development Alliance"
    ),
    published="2024-12-04 10:23",
    content_source="International Exchange and Cooperation Office",
    body=(
        Image(
            "9E/3C/6F0A1B2C3D4E5F60718293A4B5C_1.jpg",
            caption="World Vocational and Technical Education Development Alliance Established",
        ),
        P(
            "On November 21, 2024, the World Vocational and Technical Education Development "
            'Conference, themed "Innovating to Empower the Future, Shaping Lives with Skills," '
            "opened in Tianjin. The conference included the opening ceremony, keynote reports, a "
            "ministerial-level roundtable meeting, and parallel sessions. Over 1,200 "
            "representatives from more than 100 countries and regions attended, with over 600 "
            "international guests, including government officials, diplomats, representatives "
            "from international organizations, and educational institutions. Mr. Xu Jianling, "
            "Vice Secretary of the Party Committee and President of Shenzhen Polytechnic "
            "University (SZPU), attended the conference."
        ),
        Image(
            "9E/3C/6F0A1B2C3D4E5F60718293A4B5C_2.jpg",
            caption=(
                "Mr. Xu Jianling Speaks as the Sole Chinese Representative from a Member "
                "Institution"
            ),
        ),
        P(
            "Before the conference opened, the first general meeting of theWorld Vocational and "
            'Technical Education Development Alliance (hereafter the "Alliance") was held on the '
            "afternoon of November 20. Mr. Xu Jianling, as the sole Chinese representative from a "
            "member institution, delivered a speech. He stated that the Alliance brings together "
            "global political, academic, industrial, and business stakeholders involved in "
            "vocational education, creating a more inclusive global vocational education "
            "community. The establishment of this platform will facilitate greater connectivity in "
            "global vocational education, promote the sharing and exchange of educational "
            "resources, and help cultivate high-quality skilled youth, injecting new vitality into "
            "global economic and social development. Shenzhen Polytechnic University will actively "
            "participate in the Alliance's activities, support its growth, and contribute to the "
            "prosperity and progress of global vocational education."
        ),
        P(
            "On the morning of November 21, the opening ceremony of the conference included the "
            "formal establishment of the Alliance. The Alliance, the first global vocational "
            "education cooperation organization led by China, includes 89 founding members from "
            "43 countries and regions across five continents. These members include higher "
            "education institutions, vocational colleges, industry enterprises, and educational "
            "organizations. Among them, 64 institutions are universities, 12 are enterprise "
            "representatives, and 13 are from industry associations and educational "
            "organizations. Over two-thirds of the members are foreign vocational education "
            "institutions, with roughly equal representation from developed countries in Europe "
            "and North America, as well as from developing countries in Asia, Africa, and Latin "
            "America. Shenzhen Polytechnic University, along with three other Chinese "
            "institutions, serves as a council member of the Alliance."
        ),
        P(
            'On the afternoon of November 21, a parallel session on "Promoting Global Sustainable '
            'Development through Vocational Education" took place. Over 200 representatives from '
            "the education departments, universities, and research institutions of nearly 30 "
            "countries and regions attended, discussing vocational education cooperation and "
            "sharing governance models. Xu Jianling represented SZPU at this parallel session, "
            'delivering a speech titled "The Path to High-Quality International Development of '
            'Vocational Education." In his presentation, he shared the "One Core, Six Dimensions" '
            "model for SZPU\u2019s internationalization of high-quality development. This model "
            'centers on digital transformation and explores new "going global" paths and models '
            "unique to Shenzhen Polytechnic, including Shenzhen Digital Workshops, Shenzhen "
            "International Journals, Shenzhen International Platforms, Shenzhen International "
            "Conferences, the Shenzhen Agreement, and international cooperation in education. His "
            "presentation attracted significant attention from conference participants."
        ),
        Heading("Exhibitions Showcasing SZPU\u2019s Achievements"),
        Image("9E/3C/6F0A1B2C3D4E5F60718293A4B5C_3.jpg"),
        P(
            "During the conference, a vocational education exhibition was also held. SZPU set up "
            "two exhibition halls: one showcasing engineering and technology education "
            "achievements, and the other highlighting international exchange and cooperation. The "
            "Engineering and Technology Education Achievements exhibition focused on SZPU\u2019s "
            "multi-field innovative accomplishments, such as its excellence in cultivating "
            "high-quality technical and skilled talent, its strong capabilities in cutting-edge "
            "technology research, and its practical contributions to industry transformation and "
            "upgrading, particularly in the field of digital teaching. The International Exchange "
            "and Cooperation exhibition presented SZPU\u2019s high-quality vocational education "
            "practices and achievements, through various initiatives such as Shenzhen Digital "
            "Workshops, international vocational education journals, UNESCO\u2019s digital chair "
            "in vocational and technical education, and the Belt and Road Vocational Education "
            "International Symposium."
        ),
        P(
            "Both exhibitions demonstrated SZPU\u2019s role as a leader in vocational education "
            'innovation, offering a vivid "Chinese example" for global vocational education. '
            "SZPU\u2019s exhibitions were among the most visited at the conference, with numerous "
            "domestic and international guests taking the opportunity to learn about the "
            "university\u2019s educational achievements."
        ),
        Byline("(International Exchange and Cooperation Office, Li Simin)"),
    ),
)

_SAME_STORY_BODY = (
    Image("2B/7D/1C2D3E4F5A6B7C8D9E0F1A2B3C4_1.jpg", caption="Signing the Cooperation Agreement"),
    P(
        "On January 6, SZPU and Kolej Vokasional Teknologi of Penang signed an agreement to set "
        "up a Shenzhen Digital Workshop in Malaysia. The workshop will train about 300 students a "
        "year in industrial robotics and smart manufacturing."
    ),
    P(
        "Under the agreement, SZPU will send six teachers to Penang each semester and host "
        "twenty Malaysian instructors for a four-week course in Shenzhen."
    ),
    Byline("(Image/Tan Rui; Text/He Jing, School of Artificial Intelligence)"),
)

ARTICLES: tuple[MirrorArticle, ...] = (
    # ---- News (1161)
    MirrorArticle(
        column_id="1161",
        article_id="702",
        template="legacy",
        meta_tags=False,
        title="SZPT Signs Cooperation Agreement with a Dutch University of Applied Sciences",
        published="2016-01-13 16:13",
        body=(
            P(
                "Shenzhen Polytechnic signed a cooperation agreement with Saxion University of "
                "Applied Sciences on January 11. The two institutions will exchange teachers and "
                "offer a joint summer course in logistics management."
            ),
            P(
                "Vice President Li Jian said the partnership opens a door for our students to "
                "study in Europe. About 40 students are expected to take part in the first year."
            ),
            Byline("(International Exchange and Cooperation Office)"),
        ),
    ),
    MirrorArticle(
        column_id="1161",
        article_id="1270",
        template="time",
        title="Spring Semester Opens with a Campus Safety Drill",
        published="2021-03-08 09:30",
        body=(
            P(
                "The spring semester began on March 8 with a fire and evacuation drill in which "
                "more than 3,000 students and staff took part. The drill lasted 25 minutes."
            ),
            P(
                "Firefighters from the Nanshan brigade showed students how to use an extinguisher "
                "and how to leave a smoke-filled corridor safely."
            ),
            Byline("(Zhang Wei, Liu Fang, School of Mechanical and Electrical Engineering)"),
        ),
    ),
    MirrorArticle(
        column_id="1161",
        article_id="1702",
        template="time",
        title="SZPT Students Win Gold at the National Vocational Skills Competition",
        published="2022-01-05 15:00",
        body=(
            P(
                "Students of Shenzhen Polytechnic won four gold medals and two silver medals at "
                "the National Vocational College Skills Competition held from December 27 to 30."
            ),
            P(
                "The team in the 5G network construction event took first place for the third "
                "year running. Their coach, Professor Deng Hui, said the students had trained for "
                "nearly eight months."
            ),
            Byline("(Chen Hao,Wang Lu,School of Electronic and Communication Engineering)"),
        ),
    ),
    MirrorArticle(
        column_id="1161",
        article_id="2109",
        title="Shenzhen Polytechnic Becomes Shenzhen Polytechnic University",
        published="2023-06-20 11:00",
        body=(
            P(
                "The Ministry of Education has approved the renaming of Shenzhen Polytechnic as "
                "Shenzhen Polytechnic University. The university will offer undergraduate "
                "vocational programs from the autumn semester."
            ),
            P(
                "Founded in 1993, the school now has about 28,000 full-time students on its Xili "
                "and Liuxian campuses."
            ),
            Byline("(Party and President's Office)"),
        ),
    ),
    MirrorArticle(
        column_id="1161",
        article_id="2290",
        title="SZPU Holds an Open Day for Prospective International Students",
        published="2024-05-16 17:20",
        list_href="http://english.szpt.edu.cn/info/1161/2290.htm",
        body=(
            P(
                "More than 150 prospective international students and their families visited the "
                "Liuxian campus on May 11. They toured laboratories, met teachers and attended a "
                "briefing on scholarships."
            ),
            Image("5A/11/0A0B0C0D0E0F10111213141516_1.jpg", caption="Visitors in the Robotics Lab"),
            P("Applications for the autumn intake are open until June 30."),
            Byline("(Huang Min, School of Foreign Languages)"),
        ),
    ),
    MirrorArticle(
        column_id="1161",
        article_id="2320",
        meta_tags=False,
        title="Graduation Ceremony Celebrates the Class of 2024",
        published="2024-06-28 10:00",
        body=(
            Image("6C/20/AA11BB22CC33DD44EE55FF6677_1.jpg", caption="Graduates Toss Their Caps"),
            Raw("<p>883D6</p>"),
            P(
                "The university held its graduation ceremony on June 26 in the sports centre. "
                "Some 9,500 graduates received their diplomas, including 85 international "
                "students from 17 countries."
            ),
            P(
                "President Xu Jianling urged the graduates to keep learning: \u201cA skill is a "
                "seed; it grows only if you tend it.\u201d"
            ),
            Byline("(School of Business, Zhou Jie)"),
        ),
    ),
    MirrorArticle(
        column_id="1161",
        article_id="2398",
        title="Building Bridges for Vocational Education in Africa",
        subtitles=("Our school's delegation visits Egypt and Côte d'Ivoire",),
        published="2024-10-12 09:45",
        body=(
            P(
                "From October 2 to 9, a delegation led by Vice President Wang Hong visited Egypt "
                "and Côte d'Ivoire. In Cairo the delegation opened a Shenzhen Digital Workshop "
                "with Helwan University, the second in Africa."
            ),
            P(
                "In Abidjan, the delegation met officials of the Ministry of Technical Education "
                "and agreed to train 50 local teachers in electric vehicle maintenance."
            ),
            Byline("(Reported by the School of International Education)"),
        ),
    ),
    MirrorArticle(
        column_id="1161",
        article_id="2455",
        title="How a Shenzhen University Trains Craftsmen for the Digital Economy",
        published="2024-12-17 08:30",
        source_stamp="Hongyin Voice of Vocational Education | December 16, 2024, 20:31, Shandong",
        content_source="Hongyin Voice of Vocational Education",
        body=(
            P(
                "Walk into a classroom at Shenzhen Polytechnic University and you may find "
                "students programming an industrial robot next to engineers from the company that "
                "built it. The university works with more than 200 enterprises."
            ),
            P(
                "Over 90% of its graduates find jobs within six months, and nearly half of them "
                "stay in Shenzhen."
            ),
        ),
    ),
    MirrorArticle(
        column_id="1161",
        article_id="2462",
        title="Striving Forward Together in the New Year",
        subtitles=("\u2014 2025 New Year Message from Shenzhen Polytechnic University",),
        title_byline="By Party Secretary Yang Xinbin and President Xu Jianling",
        published="2024-12-31 18:00",
        body=(
            P(
                "Dear teachers, students, alumni and friends: as the new year begins, we send "
                "our warmest greetings to all of you."
            ),
            P(
                "In 2024 our university welcomed its first undergraduate students and opened "
                "three new Shenzhen Digital Workshops abroad. In 2025 we will keep building a "
                "world-class vocational university."
            ),
        ),
    ),
    MirrorArticle(
        column_id="1161",
        article_id="2478",
        title="SZPU Signs Agreement with Malaysian Partner to Launch a Shenzhen Digital Workshop",
        published="2025-01-08 16:40",
        body=_SAME_STORY_BODY,
    ),
    MirrorArticle(
        column_id="1161",
        article_id="2530",
        title="Call for Applications: 2025 International Summer School",
        published="2025-03-10 14:00",
        attachments=(
            Attachment("2025 Summer School Application Form.docx", "31207"),
            Attachment("2025 Summer School Programme.pdf", "31208"),
        ),
        body=(
            P(
                "The 2025 International Summer School will run from July 7 to 25 and offers "
                "courses in Chinese language, digital design and new energy vehicles."
            ),
            P(
                "Applicants should send the application form to the International Office by "
                "May 15. Up to 60 places are available, and tuition is waived for partner "
                "institutions."
            ),
            Byline("Translated by Lin Yu"),
            Byline("Reviewed by Guo Ming"),
            Byline("Edited by Sun Qian"),
        ),
    ),
    MirrorArticle(
        column_id="1161",
        article_id="2548",
        title="SZPU Joins a Global Alliance for Green Skills",
        published="2025-04-22 10:10",
        body=(
            P(
                "Thesigning ceremony took place online on April 18. SZPU will contribute its "
                '""Higher Diploma in Green Technology"" curriculum to the alliance.'
            ),
            P(
                "The alliance\u00e2\u20ac\u2122s members come from 21 countries, and its "
                "secretariat is in Bonn."
            ),
            Byline("\uff08International Exchange and Cooperation Office\uff0cZhao Lei\uff09"),
        ),
    ),
    MirrorArticle(
        column_id="1161",
        article_id="2566",
        title="Vocational Education Must Keep Pace with Industry",
        title_byline="Yang Xinbin, Party Secretary;Xu Jianling, President",
        published="2025-06-05 09:00",
        body=(
            P(
                "Industries change faster than curricula. A vocational university must therefore "
                "keep its doors open to enterprises, and let them shape what students learn."
            ),
            P("At SZPU, one in three courses is now taught together with industry partners."),
        ),
    ),
    MirrorArticle(
        column_id="1161",
        article_id="2590",
        title="SZPU Welcomes Its Freshmen of 2025",
        published="2025-09-15 12:00",
        body=(
            P(
                "About 9,000 freshmen arrived on campus on September 13 and 14. Volunteers met "
                "them at the gates and helped them carry their luggage to the dormitories."
            ),
            Image(
                "7F/02/ABCDEF0123456789ABCDEF0123_1.jpg",
                caption="Xu Jianling Engaging Warmly with Freshmen",
            ),
            Heading("Thoughtful Measures Make Students Feel at Home"),
            P(
                "Every dormitory now has air conditioning and a shared kitchen. The canteens added "
                "halal and vegetarian counters for the new term."
            ),
            Byline("(Student Affairs Office, Wu Tao)"),
        ),
    ),
    # ---- Events (1162)
    MirrorArticle(
        column_id="1162",
        article_id="698",
        template="legacy",
        meta_tags=False,
        title="New Year Greetings for 2016",
        title_byline="by Partysecretary Chen Qiuming / President Jia Xingdong",
        published="2016-01-01 00:00",
        body=(
            P(
                "On the threshold of 2016, we extend our best wishes to all teachers, students "
                "and friends of Shenzhen Polytechnic."
            ),
            P("May the new year bring health, happiness and success to every one of you."),
        ),
    ),
    MirrorArticle(
        column_id="1162",
        article_id="705",
        template="legacy",
        meta_tags=False,
        title="International Cultural Festival Held on Campus",
        published="2016-03-02 10:05",
        body=(
            P(
                "The fifth International Cultural Festival was held on the Xili campus on "
                "February 27. Students from 12 countries set up booths with food, music and "
                "crafts from home."
            ),
            Byline("(Li Na, School of Foreign Languages)"),
        ),
    ),
    MirrorArticle(
        column_id="1162",
        article_id="1288",
        template="time",
        title="Teachers from Belt and Road Countries Attend a Training Workshop",
        published="2021-04-09 16:00",
        body=(
            P(
                "A two-week training workshop for 35 teachers from Thailand, Laos and Cambodia "
                "ended on April 8. The teachers studied new energy vehicle technology."
            ),
            Byline("(School of Automotive and Transportation, Ma Jun)"),
        ),
    ),
    MirrorArticle(
        column_id="1162",
        article_id="1688",
        template="time",
        title="International Students Celebrate the Winter Solstice with Dumplings",
        published="2021-12-20 18:30",
        body=(
            P(
                "On the evening of December 21, international students gathered in the canteen "
                "to make dumplings, a winter solstice tradition in northern China."
            ),
            P("Chef Gao showed them how to fold the dough into the shape of a crescent moon."),
            Byline("(Image/Qian Lei; Text/Song Yan, School of International Education)"),
        ),
    ),
    MirrorArticle(
        column_id="1162",
        article_id="2150",
        title="Forum on Vocational Education and Industry Held in Shenzhen",
        published="2023-09-21 15:30",
        body=(
            P(
                "The Shenzhen Forum on Vocational Education and Industry was held on September "
                "19 in Conference Room 109. About 120 delegates from enterprises and schools "
                "attended."
            ),
            Byline("(School of Business)"),
        ),
    ),
    MirrorArticle(
        column_id="1162",
        article_id="2301",
        title="SZPU Hosts the Dragon Boat Festival Cultural Week",
        published="2024-05-30 11:15",
        body=(
            P(
                "From June 3 to 7, the Dragon Boat Festival Cultural Week invites international "
                "students to make zongzi, paint dragon boats and learn the history of the "
                "festival."
            ),
            Byline("(Wang Fang, Zhao Min, School of International Education)"),
        ),
    ),
    MirrorArticle(
        column_id="1162",
        article_id="2375",
        title="Teachers' Day Celebration Honors Outstanding Educators",
        published="2024-09-09 18:30",
        list_date="2024-09-10",
        body=(
            P(
                "On the afternoon of September 9, the university honored 30 outstanding teachers "
                "at a ceremony in the library hall."
            ),
            Byline("(Teacher Development Center)"),
        ),
    ),
    SEED,
    MirrorArticle(
        column_id="1162",
        article_id="2480",
        title="SZPU Signs Agreement with Malaysian Partner to Launch a Shenzhen Digital Workshop",
        published="2025-01-08 16:40",
        body=_SAME_STORY_BODY,
    ),
    MirrorArticle(
        column_id="1162",
        article_id="2503",
        title="Lantern Festival Party for International Students",
        published="2025-02-12 20:00",
        body=(
            Image(
                "8A/44/0123456789ABCDEF0123456789_1.jpg",
                caption="Guessing Lantern Riddles",
                alt="Students guessing lantern riddles",
            ),
            Image("8A/44/0123456789ABCDEF0123456789_2.jpg", caption="Making Tangyuan Together"),
            P(
                "International students celebrated the Lantern Festival on February 12 by "
                "guessing riddles and making tangyuan, sweet rice balls eaten on the first full "
                "moon of the lunar year."
            ),
        ),
    ),
    MirrorArticle(
        column_id="1162",
        article_id="2521",
        title="Digital Workshop Forum Opens in Shenzhen",
        subtitles=(
            "\u2014 Partners from twenty countries share their practice",
            "\u2014 The second edition of the annual forum",
        ),
        published="2025-03-01 10:00",
        body=(
            P(
                "The second Shenzhen Digital Workshop Forum opened on February 28 with partners "
                "from twenty countries. Participants reviewed a year of joint teaching and agreed "
                "on shared standards for workshop equipment."
            ),
            Byline("(Xie Ping, School of International Education)"),
        ),
    ),
    MirrorArticle(
        column_id="1162",
        article_id="2555",
        title="Spring Sports Games Bring Students Together",
        published="2025-05-12 17:00",
        body=(
            P(
                "The spring sports games took place on May 9 and 10. More than 2,000 athletes "
                "competed in 38 events, and two school records were broken."
            ),
            Byline("(School of Foreign Languages)"),
        ),
    ),
    MirrorArticle(
        column_id="1162",
        article_id="2571",
        title="SZPU Students Shine at the World Skills Challenge",
        published="2025-07-03 09:20",
        body=(
            P(
                "Three SZPU students won medals at the World Skills Challenge in Lyon from June "
                "24 to 27: a gold in cloud computing and two bronzes in mechatronics."
            ),
            Byline("(Liu Yang, Zhou Qing, Office of Academic Affairs)"),
        ),
    ),
    MirrorArticle(
        column_id="1162",
        article_id="2602",
        title="UNESCO Chair Workshop on Digital Skills for Teachers",
        published="2025-10-20 15:45",
        attachments=(Attachment("Workshop Agenda.pdf", "32011"),),
        body=(
            P(
                "The UNESCO Chair on Digital Technical and Vocational Education at SZPU held a "
                "three-day workshop for 45 teachers from Asia and Africa, starting on October 15."
            ),
            P("The agenda is attached below."),
            Byline("(UNESCO Chair Office, Ye Lan)"),
        ),
    ),
)
