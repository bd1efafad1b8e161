"""Demo content for the question bank (not an official question set).

Sample topics and questions for an administrative-reform (cải cách hành chính, CCHC) awareness
contest in An Giang province, written against Vietnamese law as it stood in 2019–2020. The
topics follow the six areas of the national master programme for state administrative reform
2011–2020 (Nghị quyết 30c/NQ-CP) plus general legal knowledge. Use it to seed a development or
demonstration database; review it before using it in a real contest.
"""

PREDICTION_QUESTION = "Theo bạn, sẽ có bao nhiêu người tham gia tuần thi này?"

TOPICS = [
    {"slug": "the-che", "name": "Cải cách thể chế", "parent": None, "sort_order": 1},
    {
        "slug": "thu-tuc-hanh-chinh",
        "name": "Cải cách thủ tục hành chính",
        "parent": None,
        "sort_order": 2,
    },
    {
        "slug": "mot-cua",
        "name": "Cơ chế một cửa, một cửa liên thông",
        "parent": "thu-tuc-hanh-chinh",
        "sort_order": 1,
    },
    {
        "slug": "to-chuc-bo-may",
        "name": "Cải cách tổ chức bộ máy hành chính nhà nước",
        "parent": None,
        "sort_order": 3,
    },
    {
        "slug": "can-bo-cong-chuc",
        "name": "Xây dựng và nâng cao chất lượng đội ngũ cán bộ, công chức, viên chức",
        "parent": None,
        "sort_order": 4,
    },
    {
        "slug": "dao-duc-cong-vu",
        "name": "Đạo đức, văn hóa công vụ",
        "parent": "can-bo-cong-chuc",
        "sort_order": 1,
    },
    {"slug": "tai-chinh-cong", "name": "Cải cách tài chính công", "parent": None, "sort_order": 5},
    {
        "slug": "hien-dai-hoa",
        "name": "Hiện đại hóa hành chính, Chính phủ điện tử",
        "parent": None,
        "sort_order": 6,
    },
    {
        "slug": "dich-vu-cong",
        "name": "Dịch vụ công trực tuyến",
        "parent": "hien-dai-hoa",
        "sort_order": 1,
    },
    {"slug": "phap-luat", "name": "Kiến thức pháp luật", "parent": None, "sort_order": 7},
]

QUESTIONS = [
    # ------------------------------------------------------------------ Chương trình tổng thể
    {
        "topic": "phap-luat",
        "kind": "single",
        "difficulty": "easy",
        "audience": "both",
        "text": (
            "Nghị quyết 30c/NQ-CP ngày 08/11/2011 của Chính phủ ban hành văn bản nào sau đây?"
        ),
        "choices": [
            ["Kế hoạch cải cách hành chính nhà nước giai đoạn 2016–2020", False],
            ["Chương trình tổng thể cải cách hành chính nhà nước giai đoạn 2011–2020", True],
            ["Chiến lược phát triển kinh tế – xã hội giai đoạn 2011–2020", False],
            ["Quy chế thực hiện cơ chế một cửa, một cửa liên thông", False],
        ],
        "explanation": (
            "Nghị quyết 30c/NQ-CP ban hành Chương trình tổng thể cải cách hành chính nhà nước "
            "giai đoạn 2011–2020; Kế hoạch CCHC 2016–2020 được ban hành sau đó bằng Quyết định "
            "225/QĐ-TTg."
        ),
        "legal_reference": "Nghị quyết 30c/NQ-CP ngày 08/11/2011",
        "tags": ["cchc", "nghị quyết 30c"],
    },
    {
        "topic": "phap-luat",
        "kind": "single",
        "difficulty": "easy",
        "audience": "both",
        "text": (
            "Chương trình tổng thể cải cách hành chính nhà nước giai đoạn 2011–2020 gồm bao nhiêu "
            "nội dung cải cách?"
        ),
        "choices": [
            ["4 nội dung", False],
            ["5 nội dung", False],
            ["6 nội dung", True],
            ["7 nội dung", False],
        ],
        "explanation": (
            "Sáu nội dung gồm: cải cách thể chế; cải cách thủ tục hành chính; cải cách tổ chức bộ "
            "máy; xây dựng, nâng cao chất lượng đội ngũ cán bộ, công chức, viên chức; cải cách tài "
            "chính công; hiện đại hóa hành chính."
        ),
        "legal_reference": "Nghị quyết 30c/NQ-CP ngày 08/11/2011",
        "tags": ["cchc", "nghị quyết 30c"],
    },
    {
        "topic": "phap-luat",
        "kind": "multiple",
        "difficulty": "hard",
        "audience": "both",
        "text": (
            "Theo Nghị quyết 30c/NQ-CP, những nội dung nào sau đây được xác định là trọng tâm cải "
            "cách hành chính giai đoạn 2011–2020? (Chọn 2 đáp án)"
        ),
        "choices": [
            ["Cải cách thể chế", True],
            ["Nâng cao chất lượng dịch vụ hành chính và chất lượng dịch vụ công", True],
            ["Chuyển toàn bộ đơn vị sự nghiệp công lập thành doanh nghiệp", False],
            ["Bãi bỏ cấp chính quyền cấp huyện trên cả nước", False],
        ],
        "explanation": (
            "Ba trọng tâm là: cải cách thể chế; xây dựng, nâng cao chất lượng đội ngũ cán bộ, công "
            "chức, viên chức (chú trọng cải cách tiền lương); nâng cao chất lượng dịch vụ hành "
            "chính và dịch vụ công."
        ),
        "legal_reference": "Nghị quyết 30c/NQ-CP ngày 08/11/2011",
        "tags": ["cchc", "nghị quyết 30c"],
    },
    {
        "topic": "phap-luat",
        "kind": "single",
        "difficulty": "medium",
        "audience": "civil_servant",
        "text": (
            "Chỉ số cải cách hành chính (PAR INDEX) của các bộ, cơ quan ngang bộ và UBND các tỉnh, "
            "thành phố trực thuộc trung ương do cơ quan nào chủ trì xác định và công bố hằng năm?"
        ),
        "choices": [
            ["Phòng Thương mại và Công nghiệp Việt Nam (VCCI)", False],
            ["Bộ Tư pháp", False],
            ["Bộ Nội vụ", True],
            ["Kiểm toán Nhà nước", False],
        ],
        "explanation": (
            "Bộ Nội vụ là cơ quan giúp Chính phủ theo dõi, đánh giá công tác CCHC và chủ trì xác "
            "định Chỉ số CCHC hằng năm; VCCI là đơn vị công bố chỉ số năng lực cạnh tranh cấp tỉnh "
            "(PCI)."
        ),
        "legal_reference": "Quyết định 225/QĐ-TTg ngày 04/02/2016",
        "tags": ["par index", "cchc"],
    },
    {
        "topic": "phap-luat",
        "kind": "single",
        "difficulty": "hard",
        "audience": "both",
        "text": (
            "Nghị quyết 30c/NQ-CP đặt mục tiêu đến năm 2020 sự hài lòng của cá nhân, tổ chức đối "
            "với sự phục vụ của cơ quan hành chính nhà nước đạt mức nào?"
        ),
        "choices": [
            ["Trên 50%", False],
            ["Trên 60%", False],
            ["Trên 70%", False],
            ["Trên 80%", True],
        ],
        "explanation": (
            "Một trong các mục tiêu của Chương trình tổng thể là sự hài lòng của cá nhân, tổ chức "
            "đối với sự phục vụ của cơ quan hành chính nhà nước đạt mức trên 80% vào năm 2020."
        ),
        "legal_reference": "Nghị quyết 30c/NQ-CP ngày 08/11/2011",
        "tags": ["sự hài lòng", "nghị quyết 30c"],
    },
    # ------------------------------------------------------------------ Cải cách thể chế
    {
        "topic": "the-che",
        "kind": "single",
        "difficulty": "easy",
        "audience": "both",
        "text": (
            "Theo Luật Ban hành văn bản quy phạm pháp luật năm 2015, Ủy ban nhân dân các cấp ban "
            "hành văn bản quy phạm pháp luật dưới hình thức nào?"
        ),
        "choices": [
            ["Chỉ thị", False],
            ["Thông tư", False],
            ["Công văn", False],
            ["Quyết định", True],
        ],
        "explanation": (
            "Luật năm 2015 quy định UBND cấp tỉnh, cấp huyện, cấp xã ban hành quyết định; chỉ thị "
            "của UBND không còn là văn bản quy phạm pháp luật."
        ),
        "legal_reference": "Luật Ban hành văn bản quy phạm pháp luật 2015, Điều 4",
        "tags": ["vbqppl", "thể chế"],
    },
    {
        "topic": "the-che",
        "kind": "single",
        "difficulty": "medium",
        "audience": "civil_servant",
        "text": (
            "Văn bản quy phạm pháp luật của HĐND, UBND cấp tỉnh có hiệu lực không sớm hơn bao "
            "nhiêu ngày kể từ ngày ký ban hành (trừ trường hợp ban hành theo trình tự rút gọn)?"
        ),
        "choices": [
            ["07 ngày", False],
            ["10 ngày", True],
            ["15 ngày", False],
            ["45 ngày", False],
        ],
        "explanation": (
            "Thời điểm có hiệu lực không sớm hơn 45 ngày với văn bản của cơ quan trung ương, 10 "
            "ngày với văn bản cấp tỉnh và 07 ngày với văn bản cấp huyện, cấp xã."
        ),
        "legal_reference": "Luật Ban hành văn bản quy phạm pháp luật 2015, Điều 151",
        "tags": ["vbqppl", "hiệu lực"],
    },
    {
        "topic": "the-che",
        "kind": "true_false",
        "difficulty": "medium",
        "audience": "civil_servant",
        "text": (
            "Văn bản quy phạm pháp luật của HĐND, UBND cấp tỉnh được phép quy định hiệu lực trở "
            "về trước nếu thật cần thiết."
        ),
        "choices": [["Đúng", False], ["Sai", True]],
        "explanation": (
            "Chỉ văn bản của cơ quan trung ương mới có thể quy định hiệu lực trở về trước trong "
            "trường hợp thật cần thiết; văn bản của HĐND, UBND các cấp không được quy định hiệu "
            "lực trở về trước."
        ),
        "legal_reference": "Luật Ban hành văn bản quy phạm pháp luật 2015, Điều 152",
        "tags": ["vbqppl", "hiệu lực"],
    },
    {
        "topic": "the-che",
        "kind": "single",
        "difficulty": "hard",
        "audience": "civil_servant",
        "text": (
            "Văn bản quy phạm pháp luật của các cơ quan ở trung ương phải được đăng Công báo nước "
            "Cộng hòa xã hội chủ nghĩa Việt Nam, trừ trường hợp nào?"
        ),
        "choices": [
            ["Văn bản có nội dung thuộc bí mật nhà nước", True],
            ["Văn bản được ban hành theo trình tự, thủ tục rút gọn", False],
            ["Văn bản có thời hạn hiệu lực dưới một năm", False],
            ["Văn bản đã được đăng trên cổng thông tin điện tử", False],
        ],
        "explanation": (
            "Văn bản của các cơ quan ở trung ương phải đăng Công báo, trừ văn bản có nội dung "
            "thuộc bí mật nhà nước; văn bản ban hành theo trình tự rút gọn cũng phải đăng Công "
            "báo chậm nhất sau 03 ngày kể từ ngày công bố hoặc ký ban hành."
        ),
        "legal_reference": "Luật Ban hành văn bản quy phạm pháp luật 2015, Điều 150",
        "tags": ["vbqppl", "công báo"],
    },
    {
        "topic": "the-che",
        "kind": "multiple",
        "difficulty": "hard",
        "audience": "both",
        "text": (
            "Theo Luật Ban hành văn bản quy phạm pháp luật năm 2015, những văn bản nào sau đây là "
            "văn bản quy phạm pháp luật? (Chọn 2 đáp án)"
        ),
        "choices": [
            ["Công văn hướng dẫn của một sở", False],
            ["Nghị quyết của Hội đồng nhân dân cấp xã", True],
            ["Chỉ thị của Chủ tịch Ủy ban nhân dân tỉnh", False],
            ["Quyết định của Ủy ban nhân dân cấp huyện", True],
        ],
        "explanation": (
            "Hệ thống văn bản quy phạm pháp luật gồm nghị quyết của HĐND và quyết định của UBND ở "
            "cả ba cấp; công văn hướng dẫn và chỉ thị không thuộc hệ thống này."
        ),
        "legal_reference": "Luật Ban hành văn bản quy phạm pháp luật 2015, Điều 4",
        "tags": ["vbqppl", "thể chế"],
    },
    # ------------------------------------------------------------------ Thủ tục hành chính
    {
        "topic": "thu-tuc-hanh-chinh",
        "kind": "single",
        "difficulty": "easy",
        "audience": "both",
        "text": "Theo Nghị định 63/2010/NĐ-CP, thủ tục hành chính được hiểu là gì?",
        "choices": [
            ["Toàn bộ văn bản quy phạm pháp luật do cơ quan hành chính ban hành", False],
            ["Quy trình nội bộ để cơ quan nhà nước xử lý văn bản đến, văn bản đi", False],
            [
                "Trình tự, cách thức, hồ sơ và yêu cầu, điều kiện do cơ quan, người có thẩm quyền "
                "quy định để giải quyết một công việc cụ thể",
                True,
            ],
            ["Các khoản phí, lệ phí phải nộp khi giao dịch với cơ quan nhà nước", False],
        ],
        "explanation": (
            "Thủ tục hành chính là trình tự, cách thức thực hiện, hồ sơ và yêu cầu, điều kiện do "
            "cơ quan nhà nước, người có thẩm quyền quy định để giải quyết một công việc cụ thể "
            "liên quan đến cá nhân, tổ chức."
        ),
        "legal_reference": "Nghị định 63/2010/NĐ-CP, Điều 3",
        "tags": ["tthc", "kiểm soát tthc"],
    },
    {
        "topic": "thu-tuc-hanh-chinh",
        "kind": "single",
        "difficulty": "medium",
        "audience": "civil_servant",
        "text": (
            "Nội dung nào sau đây KHÔNG phải là bộ phận tạo thành của một thủ tục hành chính theo "
            "Nghị định 63/2010/NĐ-CP (đã sửa đổi, bổ sung)?"
        ),
        "choices": [
            ["Thời hạn giải quyết", False],
            ["Cơ quan giải quyết thủ tục hành chính", False],
            ["Đối tượng thực hiện thủ tục hành chính", False],
            ["Họ tên công chức trực tiếp tiếp nhận hồ sơ", True],
        ],
        "explanation": (
            "Bộ phận tạo thành cơ bản gồm tên thủ tục, trình tự, cách thức thực hiện, thành phần "
            "hồ sơ, thời hạn giải quyết, đối tượng thực hiện, cơ quan giải quyết và kết quả; họ "
            "tên công chức tiếp nhận không thuộc các bộ phận này."
        ),
        "legal_reference": "Nghị định 63/2010/NĐ-CP, Điều 8 (sửa đổi bởi Nghị định 92/2017/NĐ-CP)",
        "tags": ["tthc", "kiểm soát tthc"],
    },
    {
        "topic": "thu-tuc-hanh-chinh",
        "kind": "single",
        "difficulty": "hard",
        "audience": "civil_servant",
        "text": (
            "Sau khi Nghị định 92/2017/NĐ-CP có hiệu lực, cơ quan nào giúp Chủ tịch UBND cấp tỉnh "
            "thực hiện công tác kiểm soát thủ tục hành chính trên địa bàn tỉnh?"
        ),
        "choices": [
            ["Sở Tư pháp", False],
            ["Văn phòng Ủy ban nhân dân tỉnh", True],
            ["Sở Nội vụ", False],
            ["Thanh tra tỉnh", False],
        ],
        "explanation": (
            "Nhiệm vụ kiểm soát thủ tục hành chính được chuyển từ ngành tư pháp sang hệ thống văn "
            "phòng: Văn phòng Chính phủ ở trung ương và Văn phòng UBND cấp tỉnh ở địa phương."
        ),
        "legal_reference": "Nghị định 63/2010/NĐ-CP (sửa đổi bởi Nghị định 92/2017/NĐ-CP)",
        "tags": ["kiểm soát tthc", "tthc"],
    },
    {
        "topic": "thu-tuc-hanh-chinh",
        "kind": "single",
        "difficulty": "easy",
        "audience": "citizen",
        "text": (
            "Người dân ở An Giang muốn biết chính xác thành phần hồ sơ, thời hạn giải quyết và lệ "
            "phí của một thủ tục hành chính đã được công bố thì nên tra cứu ở đâu?"
        ),
        "choices": [
            ["Các trang mạng xã hội của dịch vụ làm hồ sơ thuê", False],
            ["Cơ sở dữ liệu quốc gia về TTHC, Cổng dịch vụ công hoặc tại Bộ phận Một cửa", True],
            ["Chỉ có thể hỏi trực tiếp lãnh đạo cơ quan giải quyết", False],
            ["Không tra cứu được vì thủ tục chỉ được công bố nội bộ", False],
        ],
        "explanation": (
            "Thủ tục hành chính sau khi công bố phải được công khai trên Cơ sở dữ liệu quốc gia về "
            "thủ tục hành chính, cổng dịch vụ công và niêm yết tại nơi tiếp nhận hồ sơ."
        ),
        "legal_reference": "Nghị định 63/2010/NĐ-CP; Nghị định 61/2018/NĐ-CP",
        "tags": ["công khai tthc", "tthc"],
    },
    {
        "topic": "thu-tuc-hanh-chinh",
        "kind": "single",
        "difficulty": "medium",
        "audience": "both",
        "text": "Chỉ số SIPAS trong công tác cải cách hành chính dùng để đo lường nội dung gì?",
        "choices": [
            ["Năng lực cạnh tranh cấp tỉnh", False],
            ["Mức độ ứng dụng công nghệ thông tin của doanh nghiệp", False],
            ["Tốc độ tăng trưởng kinh tế của địa phương", False],
            [
                "Sự hài lòng của người dân, tổ chức đối với sự phục vụ của cơ quan hành chính "
                "nhà nước",
                True,
            ],
        ],
        "explanation": (
            "SIPAS là Chỉ số hài lòng của người dân, tổ chức đối với sự phục vụ của cơ quan hành "
            "chính nhà nước, do Bộ Nội vụ triển khai đo lường theo Kế hoạch CCHC 2016–2020."
        ),
        "legal_reference": "Quyết định 225/QĐ-TTg ngày 04/02/2016",
        "tags": ["sipas", "sự hài lòng"],
    },
    {
        "topic": "thu-tuc-hanh-chinh",
        "kind": "true_false",
        "difficulty": "easy",
        "audience": "civil_servant",
        "text": (
            "Khi soạn thảo văn bản quy phạm pháp luật có quy định thủ tục hành chính, cơ quan chủ "
            "trì soạn thảo phải đánh giá tác động của thủ tục hành chính đó."
        ),
        "choices": [["Đúng", True], ["Sai", False]],
        "explanation": (
            "Đánh giá tác động thủ tục hành chính ngay từ khâu dự thảo là một nội dung bắt buộc "
            "của kiểm soát thủ tục hành chính, nhằm bảo đảm tính cần thiết, hợp lý và hợp pháp."
        ),
        "legal_reference": "Nghị định 63/2010/NĐ-CP (đã sửa đổi, bổ sung)",
        "tags": ["kiểm soát tthc", "đánh giá tác động"],
    },
    # ------------------------------------------------------------------ Một cửa, một cửa liên thông
    {
        "topic": "mot-cua",
        "kind": "single",
        "difficulty": "easy",
        "audience": "citizen",
        "text": "Theo Nghị định 61/2018/NĐ-CP, “Bộ phận Một cửa” là tên gọi chung của bộ phận nào?",
        "choices": [
            ["Bộ phận văn thư và bộ phận lưu trữ của cơ quan", False],
            ["Bộ phận Tiếp nhận và Trả kết quả hoặc Trung tâm Phục vụ hành chính công", True],
            ["Ban tiếp công dân và Thanh tra nhà nước", False],
            ["Phòng Tư pháp và Phòng Nội vụ cấp huyện", False],
        ],
        "explanation": (
            "Bộ phận Một cửa là tên gọi chung của Bộ phận Tiếp nhận và Trả kết quả hoặc Trung tâm "
            "Phục vụ hành chính công, nơi hướng dẫn, tiếp nhận hồ sơ và trả kết quả giải quyết "
            "thủ tục hành chính."
        ),
        "legal_reference": "Nghị định 61/2018/NĐ-CP",
        "tags": ["một cửa", "tthc"],
    },
    {
        "topic": "mot-cua",
        "kind": "single",
        "difficulty": "medium",
        "audience": "civil_servant",
        "text": (
            "Theo Nghị định 61/2018/NĐ-CP, Trung tâm Phục vụ hành chính công cấp tỉnh là đơn vị "
            "hành chính đặc thù thuộc cơ quan nào?"
        ),
        "choices": [
            ["Sở Nội vụ", False],
            ["Sở Thông tin và Truyền thông", False],
            ["Văn phòng Ủy ban nhân dân tỉnh", True],
            ["Sở Kế hoạch và Đầu tư", False],
        ],
        "explanation": (
            "Trung tâm Phục vụ hành chính công cấp tỉnh là đơn vị hành chính đặc thù thuộc Văn "
            "phòng UBND cấp tỉnh, có con dấu riêng."
        ),
        "legal_reference": "Nghị định 61/2018/NĐ-CP",
        "tags": ["một cửa", "trung tâm hành chính công"],
    },
    {
        "topic": "mot-cua",
        "kind": "multiple",
        "difficulty": "medium",
        "audience": "citizen",
        "text": (
            "Theo Nghị định 61/2018/NĐ-CP, tổ chức, cá nhân có thể nộp hồ sơ thủ tục hành chính "
            "theo những cách nào sau đây? (Chọn 2 đáp án)"
        ),
        "choices": [
            ["Nộp trực tiếp tại Bộ phận Một cửa", True],
            ["Gửi qua dịch vụ bưu chính công ích", True],
            ["Nhờ công chức thụ lý nhận hồ sơ tại nhà riêng", False],
            ["Gửi tin nhắn riêng cho lãnh đạo cơ quan giải quyết", False],
        ],
        "explanation": (
            "Hồ sơ có thể nộp trực tiếp tại Bộ phận Một cửa, qua dịch vụ bưu chính công ích hoặc "
            "trực tuyến tại cổng dịch vụ công; không nộp qua kênh cá nhân của cán bộ."
        ),
        "legal_reference": "Nghị định 61/2018/NĐ-CP; Quyết định 45/2016/QĐ-TTg",
        "tags": ["một cửa", "bưu chính công ích"],
    },
    {
        "topic": "mot-cua",
        "kind": "single",
        "difficulty": "medium",
        "audience": "civil_servant",
        "text": (
            "Khi tiếp nhận hồ sơ chưa đầy đủ, chưa chính xác, công chức tại Bộ phận Một cửa phải "
            "làm gì?"
        ),
        "choices": [
            ["Trả lại hồ sơ mà không cần nêu lý do", False],
            ["Tiếp nhận rồi yêu cầu bổ sung nhiều lần trong quá trình giải quyết", False],
            [
                "Hướng dẫn bổ sung, hoàn thiện hồ sơ một lần, đầy đủ, nêu rõ lý do bằng phiếu "
                "yêu cầu",
                True,
            ],
            ["Yêu cầu nộp thêm giấy tờ ngoài quy định cho chắc chắn", False],
        ],
        "explanation": (
            "Công chức phải hướng dẫn cụ thể để tổ chức, cá nhân bổ sung, hoàn thiện hồ sơ theo "
            "Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ, tránh để người dân đi lại nhiều lần."
        ),
        "legal_reference": "Nghị định 61/2018/NĐ-CP; Thông tư 01/2018/TT-VPCP",
        "tags": ["một cửa", "tiếp nhận hồ sơ"],
    },
    {
        "topic": "mot-cua",
        "kind": "true_false",
        "difficulty": "easy",
        "audience": "citizen",
        "text": (
            "Khi hồ sơ thủ tục hành chính bị giải quyết quá hạn, cơ quan có thẩm quyền phải gửi "
            "văn bản xin lỗi tổ chức, cá nhân, ghi rõ lý do và thời hạn trả kết quả mới."
        ),
        "choices": [["Đúng", True], ["Sai", False]],
        "explanation": (
            "Nghị định 61/2018/NĐ-CP yêu cầu cơ quan giải quyết hồ sơ quá hạn phải có văn bản xin "
            "lỗi (Phiếu xin lỗi và hẹn lại ngày trả kết quả), nêu rõ lý do quá hạn."
        ),
        "legal_reference": "Nghị định 61/2018/NĐ-CP; Thông tư 01/2018/TT-VPCP",
        "tags": ["một cửa", "quá hạn"],
    },
    {
        "topic": "mot-cua",
        "kind": "single",
        "difficulty": "hard",
        "audience": "both",
        "text": (
            "Theo nguyên tắc thực hiện cơ chế một cửa, một cửa liên thông, điều gì là thước đo "
            "chất lượng và hiệu quả phục vụ của cán bộ, công chức, viên chức và cơ quan có thẩm "
            "quyền?"
        ),
        "choices": [
            ["Số lượng hồ sơ tiếp nhận trong năm", False],
            ["Số thủ tục hành chính được công bố", False],
            ["Sự hài lòng của tổ chức, cá nhân", True],
            ["Số văn bản chỉ đạo được ban hành", False],
        ],
        "explanation": (
            "Nghị định 61/2018/NĐ-CP lấy sự hài lòng của tổ chức, cá nhân là thước đo chất lượng "
            "và hiệu quả phục vụ của cán bộ, công chức, viên chức và cơ quan có thẩm quyền."
        ),
        "legal_reference": "Nghị định 61/2018/NĐ-CP",
        "tags": ["một cửa", "sự hài lòng"],
    },
    {
        "topic": "mot-cua",
        "kind": "single",
        "difficulty": "medium",
        "audience": "both",
        "text": "Điểm đặc trưng của cơ chế một cửa liên thông so với cơ chế một cửa là gì?",
        "choices": [
            ["Người dân phải tự đến từng cơ quan liên quan để nộp hồ sơ", False],
            ["Chỉ áp dụng cho doanh nghiệp, không áp dụng cho cá nhân", False],
            ["Kết quả không được trả qua Bộ phận Một cửa", False],
            [
                "Có sự phối hợp giữa nhiều cơ quan có thẩm quyền để giải quyết một TTHC hoặc "
                "nhóm TTHC liên quan",
                True,
            ],
        ],
        "explanation": (
            "Một cửa liên thông là phương thức phối hợp giữa các cơ quan có thẩm quyền; người dân "
            "chỉ nộp hồ sơ và nhận kết quả tại một đầu mối là Bộ phận Một cửa."
        ),
        "legal_reference": "Nghị định 61/2018/NĐ-CP",
        "tags": ["một cửa liên thông", "một cửa"],
    },
    # ------------------------------------------------------------------ Tổ chức bộ máy
    {
        "topic": "to-chuc-bo-may",
        "kind": "single",
        "difficulty": "medium",
        "audience": "both",
        "text": (
            "Theo Luật Tổ chức chính quyền địa phương năm 2015, cơ quan chuyên môn thuộc Ủy ban "
            "nhân dân được tổ chức ở những cấp nào?"
        ),
        "choices": [
            ["Cả cấp tỉnh, cấp huyện và cấp xã", False],
            ["Cấp tỉnh và cấp huyện", True],
            ["Chỉ ở cấp tỉnh", False],
            ["Cấp huyện và cấp xã", False],
        ],
        "explanation": (
            "Cơ quan chuyên môn (sở ở cấp tỉnh, phòng ở cấp huyện) được tổ chức ở cấp tỉnh và cấp "
            "huyện; cấp xã có các công chức chuyên môn chứ không có cơ quan chuyên môn."
        ),
        "legal_reference": "Luật Tổ chức chính quyền địa phương 2015, Điều 9",
        "tags": ["bộ máy", "chính quyền địa phương"],
    },
    {
        "topic": "to-chuc-bo-may",
        "kind": "single",
        "difficulty": "easy",
        "audience": "citizen",
        "text": "Chính quyền địa phương ở tỉnh An Giang gồm những cơ quan nào?",
        "choices": [
            ["Hội đồng nhân dân tỉnh và Ủy ban nhân dân tỉnh", True],
            ["Ủy ban nhân dân tỉnh và các sở", False],
            ["Hội đồng nhân dân tỉnh và Tòa án nhân dân tỉnh", False],
            ["Ủy ban nhân dân tỉnh và Ủy ban Mặt trận Tổ quốc tỉnh", False],
        ],
        "explanation": (
            "Chính quyền địa phương ở tỉnh là cấp chính quyền gồm Hội đồng nhân dân tỉnh và Ủy ban "
            "nhân dân tỉnh."
        ),
        "legal_reference": "Luật Tổ chức chính quyền địa phương 2015",
        "tags": ["bộ máy", "chính quyền địa phương"],
    },
    {
        "topic": "to-chuc-bo-may",
        "kind": "single",
        "difficulty": "hard",
        "audience": "civil_servant",
        "text": (
            "Nghị quyết 18-NQ/TW ngày 25/10/2017 của Hội nghị Trung ương 6 khóa XII đề cập vấn đề "
            "nào?"
        ),
        "choices": [
            ["Cải cách chính sách tiền lương", False],
            ["Phát triển kinh tế tư nhân", False],
            [
                "Tiếp tục đổi mới, sắp xếp tổ chức bộ máy của hệ thống chính trị tinh gọn, hoạt "
                "động hiệu lực, hiệu quả",
                True,
            ],
            ["Xây dựng Chính phủ điện tử", False],
        ],
        "explanation": (
            "Nghị quyết 18-NQ/TW bàn về đổi mới, sắp xếp tổ chức bộ máy; cùng hội nghị còn có Nghị "
            "quyết 19-NQ/TW về đổi mới đơn vị sự nghiệp công lập."
        ),
        "legal_reference": "Nghị quyết 18-NQ/TW ngày 25/10/2017",
        "tags": ["bộ máy", "tinh gọn"],
    },
    # ---------------------------------------------------------- Cán bộ, công chức, viên chức
    {
        "topic": "can-bo-cong-chuc",
        "kind": "single",
        "difficulty": "medium",
        "audience": "civil_servant",
        "text": "Trường hợp nào sau đây KHÔNG phải là ngạch công chức theo Luật Cán bộ, công chức?",
        "choices": [
            ["Chuyên viên cao cấp", False],
            ["Chuyên viên chính", False],
            ["Cán sự", False],
            ["Trưởng phòng", True],
        ],
        "explanation": (
            "Ngạch công chức gồm chuyên viên cao cấp, chuyên viên chính, chuyên viên, cán sự, nhân "
            "viên và tương đương; trưởng phòng là chức vụ lãnh đạo, quản lý chứ không phải ngạch."
        ),
        "legal_reference": "Luật Cán bộ, công chức 2008, Điều 42",
        "tags": ["ngạch công chức", "công chức"],
    },
    {
        "topic": "can-bo-cong-chuc",
        "kind": "single",
        "difficulty": "easy",
        "audience": "citizen",
        "text": (
            "Theo Luật Viên chức năm 2010, viên chức là người làm việc tại đâu và theo chế độ nào?"
        ),
        "choices": [
            ["Tại cơ quan hành chính nhà nước, được bổ nhiệm vào ngạch công chức", False],
            ["Tại đơn vị sự nghiệp công lập, theo chế độ hợp đồng làm việc", True],
            ["Tại doanh nghiệp tư nhân, theo hợp đồng lao động", False],
            ["Tại tổ chức phi chính phủ nước ngoài, theo hợp đồng dịch vụ", False],
        ],
        "explanation": (
            "Viên chức là công dân Việt Nam được tuyển dụng theo vị trí việc làm, làm việc tại đơn "
            "vị sự nghiệp công lập theo chế độ hợp đồng làm việc, hưởng lương từ quỹ lương của "
            "đơn vị."
        ),
        "legal_reference": "Luật Viên chức 2010, Điều 2",
        "tags": ["viên chức", "đơn vị sự nghiệp"],
    },
    {
        "topic": "can-bo-cong-chuc",
        "kind": "single",
        "difficulty": "hard",
        "audience": "civil_servant",
        "text": (
            "Theo Luật Viên chức năm 2010, hình thức kỷ luật nào sau đây KHÔNG áp dụng đối với "
            "viên chức?"
        ),
        "choices": [
            ["Khiển trách", False],
            ["Cảnh cáo", False],
            ["Hạ bậc lương", True],
            ["Buộc thôi việc", False],
        ],
        "explanation": (
            "Viên chức vi phạm có thể bị khiển trách, cảnh cáo, cách chức (đối với viên chức quản "
            "lý) hoặc buộc thôi việc; hạ bậc lương là hình thức kỷ luật áp dụng cho công chức."
        ),
        "legal_reference": "Luật Viên chức 2010, Điều 52",
        "tags": ["kỷ luật", "viên chức"],
    },
    {
        "topic": "can-bo-cong-chuc",
        "kind": "single",
        "difficulty": "hard",
        "audience": "civil_servant",
        "text": (
            "Luật sửa đổi, bổ sung một số điều của Luật Cán bộ, công chức và Luật Viên chức, được "
            "Quốc hội thông qua tháng 11/2019, có hiệu lực từ ngày nào?"
        ),
        "choices": [
            ["01/01/2020", False],
            ["25/11/2019", False],
            ["01/7/2020", True],
            ["01/01/2021", False],
        ],
        "explanation": (
            "Luật số 52/2019/QH14 được thông qua ngày 25/11/2019 và có hiệu lực từ ngày 01/7/2020."
        ),
        "legal_reference": "Luật số 52/2019/QH14",
        "tags": ["công chức", "viên chức"],
    },
    {
        "topic": "can-bo-cong-chuc",
        "kind": "multiple",
        "difficulty": "hard",
        "audience": "civil_servant",
        "text": (
            "Theo Luật Cán bộ, công chức, những chức danh nào sau đây là cán bộ cấp xã? (Chọn 2 "
            "đáp án)"
        ),
        "choices": [
            ["Chủ tịch Hội Cựu chiến binh xã", True],
            ["Công chức Tư pháp – hộ tịch", False],
            ["Công chức Văn phòng – thống kê", False],
            ["Chủ tịch Ủy ban Mặt trận Tổ quốc Việt Nam xã", True],
        ],
        "explanation": (
            "Cán bộ cấp xã là người giữ chức vụ theo nhiệm kỳ, như Chủ tịch Ủy ban Mặt trận Tổ "
            "quốc, Chủ tịch Hội Cựu chiến binh; Tư pháp – hộ tịch và Văn phòng – thống kê là chức "
            "danh công chức cấp xã."
        ),
        "legal_reference": "Luật Cán bộ, công chức 2008, Điều 61",
        "tags": ["cán bộ cấp xã", "công chức cấp xã"],
    },
    # ------------------------------------------------------------------ Đạo đức, văn hóa công vụ
    {
        "topic": "dao-duc-cong-vu",
        "kind": "single",
        "difficulty": "easy",
        "audience": "both",
        "text": (
            "Theo Luật Cán bộ, công chức, cán bộ, công chức phải thực hiện những phẩm chất đạo đức "
            "nào trong hoạt động công vụ?"
        ),
        "choices": [
            ["Nhanh, nhiều, tốt, rẻ", False],
            ["Tự chủ, tự chịu trách nhiệm về tài chính", False],
            ["Đoàn kết, sáng tạo, hội nhập", False],
            ["Cần, kiệm, liêm, chính, chí công vô tư", True],
        ],
        "explanation": (
            "Đạo đức của cán bộ, công chức là thực hiện cần, kiệm, liêm, chính, chí công vô tư "
            "trong hoạt động công vụ."
        ),
        "legal_reference": "Luật Cán bộ, công chức 2008, Điều 15",
        "tags": ["đạo đức công vụ", "công chức"],
    },
    {
        "topic": "dao-duc-cong-vu",
        "kind": "single",
        "difficulty": "easy",
        "audience": "citizen",
        "text": (
            "Khi giao tiếp với nhân dân, cán bộ, công chức KHÔNG được có thái độ, hành vi nào sau "
            "đây?"
        ),
        "choices": [
            ["Lịch sự, nghiêm túc", False],
            ["Hách dịch, cửa quyền, gây khó khăn, phiền hà", True],
            ["Gần gũi, khiêm tốn", False],
            ["Dùng ngôn ngữ chuẩn mực, rõ ràng, mạch lạc", False],
        ],
        "explanation": (
            "Cán bộ, công chức phải gần gũi với nhân dân, có tác phong lịch sự, nghiêm túc, khiêm "
            "tốn; không được hách dịch, cửa quyền, gây khó khăn, phiền hà khi thi hành công vụ."
        ),
        "legal_reference": "Luật Cán bộ, công chức 2008, Điều 17",
        "tags": ["văn hóa công vụ", "giao tiếp"],
    },
    {
        "topic": "dao-duc-cong-vu",
        "kind": "multiple",
        "difficulty": "medium",
        "audience": "both",
        "text": (
            "Những việc nào sau đây là việc cán bộ, công chức không được làm liên quan đến đạo đức "
            "công vụ? (Chọn 2 đáp án)"
        ),
        "choices": [
            ["Tham gia vệ sinh môi trường ở khu dân cư nơi cư trú", False],
            ["Trốn tránh trách nhiệm, thoái thác nhiệm vụ được giao", True],
            ["Sử dụng thông tin liên quan đến công vụ để vụ lợi", True],
            ["Góp ý, phê bình đồng nghiệp trong cuộc họp của cơ quan", False],
        ],
        "explanation": (
            "Luật liệt kê các việc không được làm như trốn tránh trách nhiệm, gây bè phái, sử dụng "
            "tài sản nhà nước trái pháp luật, lợi dụng nhiệm vụ hoặc thông tin công vụ để vụ lợi."
        ),
        "legal_reference": "Luật Cán bộ, công chức 2008, Điều 18",
        "tags": ["đạo đức công vụ", "những việc không được làm"],
    },
    # ------------------------------------------------------------------ Tài chính công
    {
        "topic": "tai-chinh-cong",
        "kind": "single",
        "difficulty": "medium",
        "audience": "civil_servant",
        "text": (
            "Theo cơ chế tự chủ tại Nghị định 130/2005/NĐ-CP, kinh phí quản lý hành chính tiết "
            "kiệm được, cơ quan nhà nước được sử dụng vào việc nào?"
        ),
        "choices": [
            ["Cho tổ chức, cá nhân bên ngoài vay để lấy lãi", False],
            ["Mua sắm tài sản riêng cho lãnh đạo cơ quan", False],
            ["Bổ sung thu nhập cho cán bộ, công chức, chi khen thưởng, phúc lợi", True],
            ["Góp vốn thành lập doanh nghiệp", False],
        ],
        "explanation": (
            "Kinh phí tiết kiệm được dùng để bổ sung thu nhập cho cán bộ, công chức, chi khen "
            "thưởng, phúc lợi và trích lập quỹ dự phòng ổn định thu nhập theo quy chế chi tiêu "
            "nội bộ."
        ),
        "legal_reference": "Nghị định 130/2005/NĐ-CP (sửa đổi bởi Nghị định 117/2013/NĐ-CP)",
        "tags": ["tự chủ tài chính", "tiết kiệm"],
    },
    {
        "topic": "tai-chinh-cong",
        "kind": "single",
        "difficulty": "hard",
        "audience": "civil_servant",
        "text": (
            "Theo Nghị định 16/2015/NĐ-CP, đơn vị sự nghiệp công lập được phân loại theo mức tự "
            "bảo đảm chi thường xuyên và chi đầu tư thành mấy loại?"
        ),
        "choices": [["2 loại", False], ["3 loại", False], ["4 loại", True], ["5 loại", False]],
        "explanation": (
            "Bốn loại gồm: tự bảo đảm chi thường xuyên và chi đầu tư; tự bảo đảm chi thường "
            "xuyên; tự bảo đảm một phần chi thường xuyên; do ngân sách nhà nước bảo đảm chi "
            "thường xuyên."
        ),
        "legal_reference": "Nghị định 16/2015/NĐ-CP",
        "tags": ["đơn vị sự nghiệp", "tự chủ tài chính"],
    },
    {
        "topic": "tai-chinh-cong",
        "kind": "single",
        "difficulty": "medium",
        "audience": "citizen",
        "text": "Luật Quản lý, sử dụng tài sản công năm 2017 có hiệu lực thi hành từ ngày nào?",
        "choices": [
            ["01/7/2017", False],
            ["01/01/2018", True],
            ["01/7/2018", False],
            ["01/01/2019", False],
        ],
        "explanation": (
            "Luật Quản lý, sử dụng tài sản công số 15/2017/QH14 có hiệu lực từ ngày 01/01/2018, "
            "thay thế Luật Quản lý, sử dụng tài sản nhà nước năm 2008."
        ),
        "legal_reference": "Luật Quản lý, sử dụng tài sản công 2017",
        "tags": ["tài sản công", "tài chính công"],
    },
    # ------------------------------------------------------------------ Hiện đại hóa hành chính
    {
        "topic": "hien-dai-hoa",
        "kind": "single",
        "difficulty": "medium",
        "audience": "civil_servant",
        "text": (
            "Theo Quyết định 19/2014/QĐ-TTg, các cơ quan hành chính nhà nước áp dụng hệ thống "
            "quản lý chất lượng theo tiêu chuẩn nào?"
        ),
        "choices": [
            ["TCVN ISO 14001 về quản lý môi trường", False],
            ["TCVN ISO/IEC 27001 về an toàn thông tin", False],
            ["TCVN ISO 22000 về an toàn thực phẩm", False],
            ["TCVN ISO 9001:2008", True],
        ],
        "explanation": (
            "Quyết định 19/2014/QĐ-TTg quy định việc áp dụng Hệ thống quản lý chất lượng theo "
            "TCVN ISO 9001:2008 vào hoạt động của các cơ quan, tổ chức thuộc hệ thống hành chính "
            "nhà nước."
        ),
        "legal_reference": "Quyết định 19/2014/QĐ-TTg",
        "tags": ["iso", "hiện đại hóa"],
    },
    {
        "topic": "hien-dai-hoa",
        "kind": "single",
        "difficulty": "easy",
        "audience": "both",
        "text": "Nghị quyết 17/NQ-CP năm 2019 của Chính phủ đề cập nội dung gì?",
        "choices": [
            [
                "Nhiệm vụ, giải pháp trọng tâm phát triển Chính phủ điện tử giai đoạn "
                "2019–2020, định hướng đến 2025",
                True,
            ],
            ["Thực hiện cơ chế một cửa, một cửa liên thông", False],
            ["Chính sách tinh giản biên chế", False],
            ["Cơ chế tự chủ của đơn vị sự nghiệp công lập", False],
        ],
        "explanation": (
            "Nghị quyết 17/NQ-CP ngày 07/3/2019 đề ra các nhiệm vụ, giải pháp trọng tâm phát triển "
            "Chính phủ điện tử giai đoạn 2019–2020, định hướng đến năm 2025."
        ),
        "legal_reference": "Nghị quyết 17/NQ-CP ngày 07/3/2019",
        "tags": ["chính phủ điện tử", "hiện đại hóa"],
    },
    {
        "topic": "hien-dai-hoa",
        "kind": "single",
        "difficulty": "medium",
        "audience": "citizen",
        "text": "Ai là Chủ tịch Ủy ban Quốc gia về Chính phủ điện tử?",
        "choices": [
            ["Bộ trưởng Bộ Thông tin và Truyền thông", False],
            ["Thủ tướng Chính phủ", True],
            ["Bộ trưởng Bộ Nội vụ", False],
            ["Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ", False],
        ],
        "explanation": (
            "Ủy ban Quốc gia về Chính phủ điện tử do Thủ tướng Chính phủ làm Chủ tịch, thể hiện "
            "sự chỉ đạo ở cấp cao nhất đối với việc xây dựng Chính phủ điện tử."
        ),
        "legal_reference": "Quyết định 1072/QĐ-TTg về thành lập Ủy ban Quốc gia về CPĐT",
        "tags": ["chính phủ điện tử", "hiện đại hóa"],
    },
    {
        "topic": "hien-dai-hoa",
        "kind": "true_false",
        "difficulty": "medium",
        "audience": "both",
        "text": (
            "Theo Luật Giao dịch điện tử năm 2005, giá trị pháp lý của một thông tin có thể bị phủ "
            "nhận chỉ vì thông tin đó được thể hiện dưới dạng thông điệp dữ liệu."
        ),
        "choices": [["Đúng", False], ["Sai", True]],
        "explanation": (
            "Luật Giao dịch điện tử khẳng định giá trị pháp lý của thông điệp dữ liệu không bị phủ "
            "nhận chỉ vì thông tin được thể hiện dưới dạng thông điệp dữ liệu."
        ),
        "legal_reference": "Luật Giao dịch điện tử 2005, Điều 11",
        "tags": ["giao dịch điện tử", "hiện đại hóa"],
    },
    {
        "topic": "hien-dai-hoa",
        "kind": "single",
        "difficulty": "hard",
        "audience": "civil_servant",
        "text": (
            "Cơ quan nào cung cấp dịch vụ chứng thực chữ ký số chuyên dùng Chính phủ cho các cơ "
            "quan nhà nước?"
        ),
        "choices": [
            ["Ngân hàng Nhà nước Việt Nam", False],
            ["Bộ Tư pháp", False],
            ["Ban Cơ yếu Chính phủ", True],
            ["Kiểm toán Nhà nước", False],
        ],
        "explanation": (
            "Ban Cơ yếu Chính phủ là tổ chức cung cấp dịch vụ chứng thực chữ ký số chuyên dùng "
            "Chính phủ, phục vụ việc gửi, nhận văn bản điện tử giữa các cơ quan nhà nước."
        ),
        "legal_reference": "Nghị định 130/2018/NĐ-CP",
        "tags": ["chữ ký số", "văn bản điện tử"],
    },
    # ------------------------------------------------------------------ Dịch vụ công trực tuyến
    {
        "topic": "dich-vu-cong",
        "kind": "single",
        "difficulty": "easy",
        "audience": "citizen",
        "text": "Cổng Dịch vụ công quốc gia có địa chỉ truy cập nào?",
        "choices": [
            ["chinhphu.vn", False],
            ["dichvucong.gov.vn", True],
            ["congdichvu.gov.vn", False],
            ["dichvucong.com.vn", False],
        ],
        "explanation": (
            "Cổng Dịch vụ công quốc gia tại địa chỉ dichvucong.gov.vn do Văn phòng Chính phủ xây "
            "dựng, là đầu mối cung cấp thông tin và dịch vụ công trực tuyến."
        ),
        "legal_reference": "Nghị định 61/2018/NĐ-CP; Nghị quyết 17/NQ-CP năm 2019",
        "tags": ["dịch vụ công", "cổng dvc quốc gia"],
    },
    {
        "topic": "dich-vu-cong",
        "kind": "single",
        "difficulty": "easy",
        "audience": "both",
        "text": "Cổng Dịch vụ công quốc gia chính thức khai trương vào ngày nào?",
        "choices": [
            ["01/01/2019", False],
            ["07/3/2019", False],
            ["09/12/2019", True],
            ["01/7/2020", False],
        ],
        "explanation": (
            "Cổng Dịch vụ công quốc gia được Thủ tướng Chính phủ khai trương ngày 09/12/2019, kết "
            "nối với cổng dịch vụ công của các bộ, ngành, địa phương."
        ),
        "legal_reference": "Nghị định 61/2018/NĐ-CP; Nghị quyết 17/NQ-CP năm 2019",
        "tags": ["dịch vụ công", "cổng dvc quốc gia"],
    },
    {
        "topic": "dich-vu-cong",
        "kind": "single",
        "difficulty": "medium",
        "audience": "both",
        "text": "Dịch vụ công trực tuyến mức độ 4 khác mức độ 3 ở điểm nào?",
        "choices": [
            ["Cho phép tải về các mẫu văn bản", False],
            ["Cung cấp đầy đủ thông tin về thủ tục hành chính", False],
            ["Cho phép điền và gửi trực tuyến các mẫu văn bản", False],
            [
                "Lệ phí (nếu có) được thanh toán trực tuyến; kết quả trả trực tuyến, trực tiếp "
                "hoặc qua bưu điện",
                True,
            ],
        ],
        "explanation": (
            "Mức độ 4 là mức độ 3 cộng thêm thanh toán lệ phí trực tuyến; kết quả có thể trả trực "
            "tuyến, gửi trực tiếp hoặc qua đường bưu điện."
        ),
        "legal_reference": "Nghị định 43/2011/NĐ-CP, Điều 3",
        "tags": ["dịch vụ công", "mức độ 4"],
    },
    {
        "topic": "dich-vu-cong",
        "kind": "true_false",
        "difficulty": "easy",
        "audience": "citizen",
        "text": (
            "Dịch vụ công trực tuyến mức độ 1 cho phép người dân nộp hồ sơ và thanh toán lệ phí "
            "trực tuyến."
        ),
        "choices": [["Đúng", False], ["Sai", True]],
        "explanation": (
            "Mức độ 1 chỉ bảo đảm cung cấp đầy đủ thông tin về thủ tục hành chính và các văn bản "
            "liên quan; nộp hồ sơ trực tuyến bắt đầu từ mức độ 3, thanh toán trực tuyến ở mức độ 4."
        ),
        "legal_reference": "Nghị định 43/2011/NĐ-CP, Điều 3",
        "tags": ["dịch vụ công", "mức độ 1"],
    },
    {
        "topic": "dich-vu-cong",
        "kind": "multiple",
        "difficulty": "easy",
        "audience": "citizen",
        "text": (
            "Khi truy cập Cổng Dịch vụ công quốc gia, người dân có thể làm những việc nào sau đây? "
            "(Chọn 2 đáp án)"
        ),
        "choices": [
            ["Tra cứu thông tin về thủ tục hành chính", True],
            ["Tự cấp giấy phép cho mình mà không cần cơ quan có thẩm quyền xử lý", False],
            ["Nộp hồ sơ trực tuyến và theo dõi tình trạng giải quyết", True],
            ["Bỏ qua các điều kiện mà thủ tục hành chính quy định", False],
        ],
        "explanation": (
            "Cổng Dịch vụ công quốc gia cho phép tra cứu thủ tục, nộp hồ sơ trực tuyến, theo dõi "
            "tiến độ, thanh toán trực tuyến và gửi phản ánh, kiến nghị; hồ sơ vẫn do cơ quan có "
            "thẩm quyền giải quyết."
        ),
        "legal_reference": "Nghị định 61/2018/NĐ-CP",
        "tags": ["dịch vụ công", "cổng dvc quốc gia"],
    },
    # ------------------------------------------------------------------ Kiến thức pháp luật
    {
        "topic": "phap-luat",
        "kind": "true_false",
        "difficulty": "hard",
        "audience": "citizen",
        "text": (
            "Theo Luật Tiếp cận thông tin năm 2016, người nước ngoài cư trú tại Việt Nam được yêu "
            "cầu cung cấp thông tin liên quan trực tiếp đến quyền và nghĩa vụ của mình."
        ),
        "choices": [["Đúng", True], ["Sai", False]],
        "explanation": (
            "Quyền tiếp cận thông tin là quyền của công dân; riêng người nước ngoài cư trú tại "
            "Việt Nam được yêu cầu cung cấp thông tin liên quan trực tiếp đến quyền, nghĩa vụ "
            "của họ."
        ),
        "legal_reference": "Luật Tiếp cận thông tin 2016",
        "tags": ["tiếp cận thông tin", "pháp luật"],
    },
    {
        "topic": "phap-luat",
        "kind": "single",
        "difficulty": "easy",
        "audience": "citizen",
        "text": "Ngày Pháp luật nước Cộng hòa xã hội chủ nghĩa Việt Nam là ngày nào hằng năm?",
        "choices": [["02/9", False], ["19/5", False], ["09/11", True], ["28/11", False]],
        "explanation": (
            "Ngày 09 tháng 11 hằng năm là Ngày Pháp luật nước Cộng hòa xã hội chủ nghĩa Việt Nam, "
            "nhằm tôn vinh Hiến pháp, pháp luật và giáo dục ý thức thượng tôn pháp luật."
        ),
        "legal_reference": "Luật Phổ biến, giáo dục pháp luật 2012, Điều 8",
        "tags": ["ngày pháp luật", "pháp luật"],
    },
    {
        "topic": "phap-luat",
        "kind": "single",
        "difficulty": "easy",
        "audience": "citizen",
        "text": (
            "Chị Lan ở thành phố Long Xuyên vừa sinh con. Theo Luật Hộ tịch năm 2014, cha hoặc mẹ "
            "phải đăng ký khai sinh cho trẻ trong thời hạn bao lâu kể từ ngày sinh?"
        ),
        "choices": [["15 ngày", False], ["30 ngày", False], ["60 ngày", True], ["90 ngày", False]],
        "explanation": (
            "Trong thời hạn 60 ngày kể từ ngày sinh, cha hoặc mẹ có trách nhiệm đăng ký khai sinh "
            "cho con; đăng ký khai sinh đúng hạn được miễn lệ phí."
        ),
        "legal_reference": "Luật Hộ tịch 2014, Điều 15",
        "tags": ["hộ tịch", "khai sinh"],
    },
    {
        "topic": "phap-luat",
        "kind": "single",
        "difficulty": "easy",
        "audience": "citizen",
        "text": (
            "Theo Luật Căn cước công dân năm 2014, công dân Việt Nam từ đủ bao nhiêu tuổi được cấp "
            "thẻ Căn cước công dân?"
        ),
        "choices": [["14 tuổi", True], ["15 tuổi", False], ["16 tuổi", False], ["18 tuổi", False]],
        "explanation": (
            "Công dân Việt Nam từ đủ 14 tuổi được cấp thẻ Căn cước công dân; thẻ phải đổi khi "
            "công dân đủ 25 tuổi, đủ 40 tuổi và đủ 60 tuổi."
        ),
        "legal_reference": "Luật Căn cước công dân 2014, Điều 19",
        "tags": ["căn cước công dân", "pháp luật"],
    },
]
